package com.voicecore.application.internal;

import com.voicecore.application.console.AdminAuditService;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.audit.AdminAuditEntry;
import com.voicecore.domain.model.audit.PlatformAuditLog;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@Stateless
public class DefaultAdminAuditService implements AdminAuditService {

    @Inject
    PlatformAuditLog platformLog;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "voicecore")
    EntityManager em;

    @Override
    public void recordTenantAction(String actor, String action, String subject, String detail) {
        TenantContext.require(); // a tenant admin's action is recorded in that tenant, never in none
        em.persist(new AdminAuditEntry(clock.instant(), actor, action, subject, detail));
    }

    @Override
    public void recordPlatformAction(String actor, String action, UUID subjectTenant, String detail) {
        platformLog.write(actor, action, subjectTenant, detail);
    }

    @Override
    public List<Entry> tenantLog(int limit, int offset) {
        TenantContext.require();
        return em.createNamedQuery("AdminAuditEntry.latest", AdminAuditEntry.class)
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, Math.min(limit, 500)))
                .getResultStream()
                .map(e -> new Entry(e.id(), e.occurredAt(), e.actor(), e.action(), e.subject(), e.detail()))
                .toList();
    }

    @Override
    public Entry tenantEntry(UUID id) {
        TenantContext.require();
        AdminAuditEntry e = em.find(AdminAuditEntry.class, id);
        if (e == null) {
            throw new UnknownEntityException("audit entry", id);
        }
        return new Entry(e.id(), e.occurredAt(), e.actor(), e.action(), e.subject(), e.detail());
    }

    @Override
    public List<Entry> platformLog(int limit, int offset) {
        return platformLog.latest(limit, offset).stream()
                .map(e -> new Entry(e.id(), e.occurredAt(), e.actor(), e.action(),
                        e.subjectTenant() == null ? null : e.subjectTenant().toString(), e.detail()))
                .toList();
    }
}
