package com.voicecore.application.internal;

import com.voicecore.application.NewTenant;
import com.voicecore.application.ProvisionedTenant;
import com.voicecore.application.TenantProvisioningService;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.domain.model.conversation.Phrasebook;
import com.voicecore.domain.model.apikey.ApiKey;
import com.voicecore.domain.model.apikey.ApiKeySecret;
import com.voicecore.domain.model.user.TenantUser;
import com.voicecore.domain.model.user.UserRole;
import com.voicecore.domain.model.registry.TenantDefaults;
import com.voicecore.domain.model.registry.TenantRegistry;
import com.voicecore.domain.model.registry.TenantSummary;
import com.voicecore.infrastructure.security.PasswordHasher;
import com.voicecore.infrastructure.tenancy.TenantContext;
import com.voicecore.infrastructure.transaction.TenantTransactions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.util.TreeSet;
import java.util.UUID;

/**
 * One transaction: the registry row (through the platform path, which also makes the new tenant the
 * transaction's tenant), then every default under the ordinary tenant wall. Any failure rolls back
 * all of it, the registry row included.
 */
@Stateless
public class DefaultTenantProvisioningService implements TenantProvisioningService {

    @Inject
    TenantRegistry registry;

    @Inject
    TenantTransactions transactions;

    @Inject
    PasswordHasher passwords;

    @PersistenceContext(unitName = "voicecore")
    EntityManager em;

    @Override
    public ProvisionedTenant provision(NewTenant request) {
        // checked before anything is stored: a tenant whose receptionist cannot speak its language could take no call
        for (String code : request.languages()) {
            if (!speakable(code)) {
                throw new InvalidValueException("languages", "The receptionist cannot speak '" + code + "'; it speaks "
                        + String.join(", ", new TreeSet<>(Phrasebook.languages())));
            }
        }
        UUID tenantId = registry.register(request.name(), request.domain());
        transactions.adopt(tenantId);
        // The EntityManager is first touched below, so its session belongs to the new tenant.
        return TenantContext.callAs(tenantId, () -> provisionDefaults(tenantId, request));
    }

    private static boolean speakable(String code) {
        try {
            return Phrasebook.speaks(code);
        } catch (IllegalArgumentException notACode) {
            return false;
        }
    }

    private ProvisionedTenant provisionDefaults(UUID tenantId, NewTenant request) {
        TenantDefaults.forCompany(request.name(), request.timeZone(), request.languages(), request.departments(),
                request.planCode(), request.includedMinutes()).entities().forEach(em::persist);

        String adminPassword = passwords.generatePassword();
        em.persist(new TenantUser(request.adminEmail(), request.adminName(),
                passwords.hash(adminPassword.toCharArray()), UserRole.TENANT_ADMIN));
        ApiKeySecret key = ApiKeySecret.generate();
        em.persist(new ApiKey("Default key", key));
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw ConstraintViolations.duplicateOr(e, "department");
        }
        TenantSummary tenant = registry.find(tenantId).orElseThrow();
        return new ProvisionedTenant(tenant, key.text(), request.adminEmail().value(), adminPassword);
    }
}
