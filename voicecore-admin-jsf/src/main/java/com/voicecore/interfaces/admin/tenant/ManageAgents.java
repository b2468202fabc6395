package com.voicecore.interfaces.admin.tenant;

import com.voicecore.application.AgentAccountService;
import com.voicecore.application.AgentDraft;
import com.voicecore.application.AgentService;
import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.shared.EmailAddress;
import com.voicecore.domain.model.shared.Extension;
import com.voicecore.domain.model.user.UserRole;
import com.voicecore.interfaces.admin.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * /tenant/agents.xhtml: the company's agents; invite one (agent, sign-in and role in one step, the first
 * password shown once) or remove one (and its sign-in).
 */
@Named
@ViewScoped
public class ManageAgents extends CompanyPage {

    public record Row(UUID id, String name, String email, String extension, String department, String status, String role)
            implements Serializable {
    }

    @Inject
    AgentService agents;

    @Inject
    AgentAccountService accounts;

    @Inject
    DepartmentChoices departmentChoices;

    private List<Row> rows;

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

    @NotNull(message = "Choose a role")
    private UserRole role = UserRole.AGENT;

    /** The invited agent's first password, shown once on the page that invited them. */
    private String invitedEmail;
    private String invitedPassword;

    public List<Row> getRows() {
        if (rows == null) {
            Map<UUID, String> names = departmentChoices.names();
            Map<UUID, UserRole> roles = accounts.roles();
            rows = agents.list(Optional.empty()).stream().map(a -> row(a, names, roles)).toList();
        }
        return rows;
    }

    private static Row row(Agent a, Map<UUID, String> departments, Map<UUID, UserRole> roles) {
        return new Row(a.id(), a.name(), a.email().value(), a.extension().map(Object::toString).orElse(""),
                a.departmentId().map(departments::get).orElse(""), a.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                Optional.ofNullable(roles.get(a.id())).map(Roles::label).orElse("no sign-in"));
    }

    public void invite() {
        AgentDraft draft = new AgentDraft(name, new EmailAddress(email), id(departmentId).orElse(null),
                extension == null ? null : Extension.parse(extension), null, null);
        UserRole chosen = role;
        AgentAccountService.Invitation[] invited = new AgentAccountService.Invitation[1];
        boolean saved = attempt(() -> invited[0] = changes.change(actor(), "agent.invited", () -> accounts.invite(draft, chosen),
                i -> i.agent().name(), i -> i.agent().email().value() + ", role " + Roles.label(chosen)
                        + i.agent().extension().map(x -> ", extension " + x).orElse("")));
        if (saved) {
            invitedEmail = invited[0].agent().email().value();
            invitedPassword = invited[0].firstPassword();
            Messages.info("Agent '" + invited[0].agent().name() + "' invited as " + Roles.label(chosen));
            name = null;
            email = null;
            extension = null;
            departmentId = null;
            role = UserRole.AGENT;
            rows = null;
        }
    }

    public void remove(Row row) {
        if (attempt(() -> changes.change(actor(), "agent.removed", row.name(), row.email(), () -> accounts.remove(row.id(), actingUser())))) {
            Messages.info("Agent '" + row.name() + "' removed");
            rows = null;
        }
    }

    public UserRole[] getRoles() {
        return UserRole.values();
    }

    public String roleLabel(UserRole r) {
        return Roles.label(r);
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

    public UserRole getRole() {
        return role;
    }

    public void setRole(UserRole role) {
        this.role = role;
    }

    public String getInvitedEmail() {
        return invitedEmail;
    }

    public String getInvitedPassword() {
        return invitedPassword;
    }
}
