package com.voicecore.interfaces.admin.tenant;

import com.voicecore.application.AgentAccountService;
import com.voicecore.application.AgentDraft;
import com.voicecore.application.AgentService;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.shared.EmailAddress;
import com.voicecore.domain.model.shared.Extension;
import com.voicecore.domain.model.shared.PhoneNumber;
import com.voicecore.domain.model.user.UserRole;
import com.voicecore.interfaces.admin.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Optional;
import java.util.UUID;

/** /tenant/agent.xhtml?id=…: edit one agent (name, e-mail, extension, department, own phone, role). */
@Named
@ViewScoped
public class EditAgent extends CompanyPage {

    @Inject
    AgentService agents;

    @Inject
    AgentAccountService accounts;

    private String id;
    private UUID agentId;
    private String heading;

    @NotBlank(message = "An agent needs a name")
    @Size(max = 200, message = "An agent name has at most 200 characters")
    private String name;

    @NotBlank(message = "An agent needs an e-mail address")
    @Size(max = 254, message = "An e-mail address has at most 254 characters")
    @Pattern(regexp = Patterns.EMAIL, message = Patterns.EMAIL_MESSAGE)
    private String email;

    @Pattern(regexp = Patterns.EXTENSION, message = Patterns.EXTENSION_MESSAGE)
    private String extension;

    private String departmentId;

    @Pattern(regexp = Patterns.PHONE, message = Patterns.PHONE_MESSAGE)
    private String phoneNumber;

    @NotNull(message = "Choose a role")
    private UserRole role;

    private String firstPassword;

    /** The page's f:viewAction: the agent, looked up in the signed-in company only. */
    public void load() {
        Optional<UUID> parsed = id(id);
        if (parsed.isEmpty()) {
            notFound();
            return;
        }
        Agent agent;
        try {
            agent = agents.get(parsed.get());
        } catch (UnknownEntityException e) {
            notFound();
            return;
        }
        agentId = agent.id();
        heading = agent.name();
        name = agent.name();
        email = agent.email().value();
        extension = agent.extension().map(Object::toString).orElse(null);
        departmentId = agent.departmentId().map(UUID::toString).orElse(null);
        phoneNumber = agent.phoneNumber().map(PhoneNumber::e164).orElse(null);
        role = accounts.role(agentId).orElse(UserRole.AGENT);
    }

    public void save() {
        AgentDraft draft = new AgentDraft(name, new EmailAddress(email), id(departmentId).orElse(null),
                extension == null ? null : Extension.parse(extension), null, phoneNumber == null ? null : new PhoneNumber(phoneNumber));
        UUID target = agentId;
        UserRole chosen = role;
        String[] password = new String[1];
        boolean saved = attempt(() -> changes.change(actor(), "agent.changed", () -> {
            Agent agent = agents.update(target, draft);
            password[0] = accounts.changeRole(target, chosen, actingUser()).orElse(null);
            return agent;
        }, Agent::name, a -> a.email().value() + ", role " + Roles.label(chosen) + a.extension().map(x -> ", extension " + x).orElse("")));
        if (saved) {
            heading = name;
            firstPassword = password[0];
            Messages.info("Agent '" + name + "' saved");
        }
    }

    public UserRole[] getRoles() {
        return UserRole.values();
    }

    public String roleLabel(UserRole r) {
        return Roles.label(r);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getHeading() {
        return heading;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getExtension() {
        return extension;
    }

    public void setExtension(String extension) {
        this.extension = extension;
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(String departmentId) {
        this.departmentId = departmentId;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
    }

    public UserRole getRole() {
        return role;
    }

    public void setRole(UserRole role) {
        this.role = role;
    }

    public String getFirstPassword() {
        return firstPassword;
    }

    public boolean isLoaded() {
        return agentId != null;
    }
}
