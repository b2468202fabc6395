package com.voicecore.interfaces.admin.platform;

import com.voicecore.application.NewTenant;
import com.voicecore.application.ProvisionedTenant;
import com.voicecore.application.console.TenantAdministrationService;
import com.voicecore.domain.model.registry.DeletionReceipt;
import com.voicecore.domain.model.registry.TenantDefaults;
import com.voicecore.domain.model.registry.TenantSummary;
import com.voicecore.domain.model.shared.EmailAddress;
import com.voicecore.interfaces.admin.Messages;
import com.voicecore.interfaces.admin.Pages;
import com.voicecore.interfaces.admin.security.SignedInUser;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * /platform/tenants.xhtml: a platform admin lists tenants, signs one up (the provisioning service;
 * its API key and first password are shown once), suspends, resumes and deletes one (the deletion
 * receipt is shown). Thin: every change is one call to {@link TenantAdministrationService}.
 */
@Named
@ViewScoped
public class ManageTenants implements Serializable {

    @Inject
    TenantAdministrationService tenants;

    @Inject
    SignedInUser user;

    private List<TenantSummary> list;

    @NotBlank(message = "A tenant needs a name")
    @Size(max = 200, message = "A tenant name has at most 200 characters")
    private String name;

    @Size(max = 253, message = "A domain has at most 253 characters")
    @Pattern(regexp = "[a-zA-Z0-9.-]*", message = "A domain has letters, digits, dots and hyphens only")
    private String domain;

    @NotBlank(message = "A first administrator's e-mail is required")
    @Email(message = "That is not an e-mail address")
    @Size(max = 254, message = "An e-mail address has at most 254 characters")
    private String adminEmail;

    @Size(max = 200, message = "A name has at most 200 characters")
    private String adminName;

    @NotBlank(message = "A time zone is required, like Europe/Berlin")
    @Size(max = 64, message = "A time zone has at most 64 characters")
    private String timeZone = "UTC";

    @NotBlank(message = "At least one language, like en")
    @Pattern(regexp = "\\s*[a-z]{2,3}(-[A-Z]{2})?(\\s*,\\s*[a-z]{2,3}(-[A-Z]{2})?){0,9}\\s*",
            message = "Languages are codes like en or es-MX, separated by commas (at most 10)")
    private String languages = "en";

    @NotBlank(message = "A plan is required")
    @Size(max = 40, message = "A plan code has at most 40 characters")
    private String planCode = "standard";

    @Min(value = 0, message = "Included minutes cannot be negative")
    @Max(value = 10_000_000, message = "At most 10,000,000 minutes")
    private int includedMinutes = 1000;

    private ProvisionedTenant created;
    private DeletionReceipt receipt;

    public List<TenantSummary> getTenants() {
        if (list == null) {
            list = tenants.tenants(500, 0);
        }
        return list;
    }

    public void create() {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            Messages.error("createTenant:timeZone", "Unknown time zone: use a name like Europe/Berlin or America/New_York");
            return;
        }
        List<String> langs = Arrays.stream(languages.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        try {
            created = tenants.create(new NewTenant(name.strip(), domain == null || domain.isBlank() ? null : domain.strip(),
                    new EmailAddress(adminEmail.strip()), adminName == null || adminName.isBlank() ? "Administrator" : adminName.strip(),
                    zone, langs, TenantDefaults.DEPARTMENTS, planCode.strip(), includedMinutes), user.actor());
            Messages.info("Tenant " + created.tenant().name() + " created. Its API key and the first password are shown once, below.");
            receipt = null;
            name = domain = adminEmail = adminName = null;
            list = null;
        } catch (IllegalArgumentException e) {
            Messages.error("createTenant:adminEmail", "That is not an e-mail address");
        } catch (EJBException | com.voicecore.application.exception.BusinessException e) {
            Messages.refused(e);
        }
    }

    public void suspend(String id) {
        change(id, "suspended", tenantId -> tenants.suspend(tenantId, user.actor()));
    }

    public void resume(String id) {
        change(id, "resumed", tenantId -> tenants.resume(tenantId, user.actor()));
    }

    public void delete(String id) {
        Pages.id(id).ifPresentOrElse(tenantId -> {
            try {
                receipt = tenants.delete(tenantId, user.actor());
                created = null;
                Messages.info("Tenant deleted. The receipt below is all that remains.");
            } catch (com.voicecore.application.exception.BusinessException e) {
                Messages.refused(e);
            }
        }, () -> Messages.error(null, "No such tenant"));
        list = null;
    }

    private void change(String id, String done, java.util.function.Function<UUID, TenantSummary> action) {
        Pages.id(id).ifPresentOrElse(tenantId -> {
            try {
                TenantSummary changed = action.apply(tenantId);
                Messages.info("Tenant " + changed.name() + " " + done + ".");
            } catch (com.voicecore.application.exception.BusinessException e) {
                Messages.refused(e);
            }
        }, () -> Messages.error(null, "No such tenant"));
        list = null;
    }

    public List<Map.Entry<String, Long>> getReceiptRows() {
        return receipt == null ? List.of() : List.copyOf(receipt.rowsDeleted().entrySet());
    }

    public ProvisionedTenant getCreated() {
        return created;
    }

    public DeletionReceipt getReceipt() {
        return receipt;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getAdminEmail() {
        return adminEmail;
    }

    public void setAdminEmail(String adminEmail) {
        this.adminEmail = adminEmail;
    }

    public String getAdminName() {
        return adminName;
    }

    public void setAdminName(String adminName) {
        this.adminName = adminName;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getLanguages() {
        return languages;
    }

    public void setLanguages(String languages) {
        this.languages = languages;
    }

    public String getPlanCode() {
        return planCode;
    }

    public void setPlanCode(String planCode) {
        this.planCode = planCode;
    }

    public int getIncludedMinutes() {
        return includedMinutes;
    }

    public void setIncludedMinutes(int includedMinutes) {
        this.includedMinutes = includedMinutes;
    }
}
