package com.voicecore.infrastructure.persistence.jpa;

import com.voicecore.domain.model.spam.SpamReport;
import com.voicecore.domain.model.spam.SpamRule;
import com.voicecore.domain.model.spam.SpamRuleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaSpamRuleRepository implements SpamRuleRepository {

    @PersistenceContext(unitName = "voicecore")
    private EntityManager em;

    public JpaSpamRuleRepository() {
    }

    /** For use outside a container (tests, tools). */
    public JpaSpamRuleRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<SpamRule> activeRules() {
        return em.createNamedQuery("SpamRule.findActive", SpamRule.class).getResultList();
    }

    @Override
    public List<SpamRule> allRules() {
        return em.createQuery("select r from SpamRule r order by r.createdAt, r.id", SpamRule.class).getResultList();
    }

    @Override
    public Optional<SpamRule> rule(UUID id) {
        return Optional.ofNullable(em.find(SpamRule.class, id));
    }

    @Override
    public void store(SpamRule rule) {
        if (!em.contains(rule)) {
            em.persist(rule);
        }
        em.flush();
    }

    @Override
    public void remove(SpamRule rule) {
        em.remove(rule);
        em.flush();
    }

    @Override
    public int reportsElsewhere(String number) {
        // db/V4: a SECURITY DEFINER count across tenants, the only cross-tenant read of reports
        Number count = (Number) em.createNativeQuery("select platform.spam_reports_elsewhere(?1)")
                .setParameter(1, number)
                .getSingleResult();
        return count.intValue();
    }

    @Override
    public SpamReport report(SpamReport report) {
        em.createNativeQuery("insert into spam_reports (id, tenant_id, number, reason, call_id, created_at) "
                        + "values (?1, nullif(current_setting('app.current_tenant', true), '')::uuid, ?2, ?3, ?4, ?5) "
                        + "on conflict (tenant_id, number) do nothing")
                .setParameter(1, report.id())
                .setParameter(2, report.number())
                .setParameter(3, report.reason().orElse(null))
                .setParameter(4, report.callId().orElse(null))
                .setParameter(5, Timestamp.from(report.createdAt()))
                .executeUpdate();
        return em.createNamedQuery("SpamReport.findByNumber", SpamReport.class)
                .setParameter("number", report.number())
                .getSingleResult();
    }

    @Override
    public List<SpamReport> reports(int limit) {
        return em.createNamedQuery("SpamReport.findAll", SpamReport.class).setMaxResults(limit).getResultList();
    }
}
