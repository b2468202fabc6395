package com.voicecore.application.internal;

import com.voicecore.application.NewTenant;
import com.voicecore.application.ProvisionedTenant;
import com.voicecore.application.TenantProvisioningService;
import com.voicecore.application.TenantSummary;
import com.voicecore.application.exception.DuplicateEntityException;
import com.voicecore.domain.model.apikey.ApiKey;
import com.voicecore.domain.model.apikey.ApiKeySecret;
import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.plan.Plan;
import com.voicecore.domain.model.receptionist.ReceptionistSettings;
import com.voicecore.domain.model.schedule.BusinessHours;
import com.voicecore.domain.model.schedule.BusinessSchedule;
import com.voicecore.domain.model.shared.ExtensionRange;
import com.voicecore.domain.model.spam.SpamRule;
import com.voicecore.domain.model.user.TenantUser;
import com.voicecore.domain.model.user.UserRole;
import com.voicecore.infrastructure.platform.PlatformGateway;
import com.voicecore.infrastructure.platform.PlatformPathException;
import com.voicecore.infrastructure.security.PasswordHasher;
import com.voicecore.infrastructure.tenancy.TenantContext;
import com.voicecore.infrastructure.tenancy.TenantTransactions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * One transaction: the registry row (through the platform path, which also makes the new tenant the
 * transaction's tenant), then every default under the ordinary tenant wall. Any failure rolls back
 * all of it, the registry row included.
 */
@Stateless
public class DefaultTenantProvisioningService implements TenantProvisioningService {

    /** Each default department gets its own block of a hundred extensions: 100-199, 200-299, ... */
    private static final int EXTENSION_BLOCK = 100;

    @Inject
    PlatformGateway platform;

    @Inject
    TenantTransactions transactions;

    @Inject
    PasswordHasher passwords;

    @PersistenceContext(unitName = "voicecore")
    EntityManager em;

    @Override
    public ProvisionedTenant provision(NewTenant request) {
        UUID tenantId;
        try {
            tenantId = platform.createTenant(request.name(), request.domain());
        } catch (PlatformPathException e) {
            if (e.isUniqueViolation()) {
                throw new DuplicateEntityException("domain", "Another tenant already uses that domain");
            }
            throw e;
        }
        transactions.adopt(tenantId);
        // The EntityManager is first touched below, so its session belongs to the new tenant.
        return TenantContext.callAs(tenantId, () -> provisionDefaults(tenantId, request));
    }

    private ProvisionedTenant provisionDefaults(UUID tenantId, NewTenant request) {
        List<String> names = request.departments();
        for (int i = 0; i < names.size(); i++) {
            int first = EXTENSION_BLOCK * (i + 1);
            ExtensionRange block = first + EXTENSION_BLOCK - 1 <= 999 ? ExtensionRange.of(first, first + EXTENSION_BLOCK - 1) : null;
            em.persist(new Department(names.get(i), null, block, i == 0));
        }

        BusinessSchedule schedule = new BusinessSchedule(null, request.timeZone());
        em.persist(schedule);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            em.persist(new BusinessHours(schedule, day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }

        em.persist(new ReceptionistSettings(request.name(),
                "Thank you for calling " + request.name() + ". How can I help you today?",
                request.languages(), "Polly.Joanna"));

        for (SpamRule rule : defaultSpamRules()) {
            em.persist(rule);
        }
        em.persist(new Plan(request.planCode(), request.includedMinutes(), Plan.Degradation.VOICEMAIL_ONLY));

        String adminPassword = passwords.generatePassword();
        em.persist(new TenantUser(request.adminEmail(), request.adminName(),
                passwords.hash(adminPassword.toCharArray()), UserRole.TENANT_ADMIN));

        ApiKeySecret key = ApiKeySecret.generate();
        em.persist(new ApiKey("Default key", key));

        try {
            em.flush();
        } catch (PersistenceException e) {
            throw ConstraintViolations.duplicateOr(e, "departments");
        }
        TenantSummary tenant = platform.getTenant(tenantId).orElseThrow();
        return new ProvisionedTenant(tenant, key.text(), request.adminEmail().value(), adminPassword);
    }

    private static List<SpamRule> defaultSpamRules() {
        return List.of(
                new SpamRule(SpamRule.Type.PATTERN, "^\\+?([0-9])\\1{6,}$", SpamRule.Action.CHALLENGE, 40,
                        "The same digit over and over: a typical spoofed number"),
                new SpamRule(SpamRule.Type.KEYWORD, "extended warranty", SpamRule.Action.FLAG, 30,
                        "Extended-warranty robocall script"),
                new SpamRule(SpamRule.Type.KEYWORD, "social security number", SpamRule.Action.FLAG, 30,
                        "Government impersonation script"));
    }
}
