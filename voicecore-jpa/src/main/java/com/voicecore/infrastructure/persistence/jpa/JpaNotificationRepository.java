package com.voicecore.infrastructure.persistence.jpa;

import com.voicecore.domain.model.notification.NotificationRepository;
import com.voicecore.domain.model.notification.TenantNotification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JpaNotificationRepository implements NotificationRepository {

    @PersistenceContext(unitName = "voicecore")
    private EntityManager em;

    public JpaNotificationRepository() {
    }

    /** For use outside a container (tests, tools). */
    public JpaNotificationRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean recordOnce(String kind, LocalDate periodStart, String detailJson) {
        return em.createNativeQuery("insert into tenant_notifications (id, tenant_id, kind, period_start, detail) "
                        + "values (?1, nullif(current_setting('app.current_tenant', true), '')::uuid, ?2, ?3, cast(?4 as jsonb)) "
                        + "on conflict (tenant_id, kind, period_start) do nothing")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, kind)
                .setParameter(3, periodStart)
                .setParameter(4, detailJson)
                .executeUpdate() == 1;
    }

    @Override
    public List<TenantNotification> recent(int limit) {
        return em.createNamedQuery("TenantNotification.recent", TenantNotification.class)
                .setMaxResults(limit).getResultList();
    }
}
