package com.voicecore.infrastructure.persistence.jpa;

import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.plan.BillingPeriod;
import com.voicecore.domain.model.plan.CreditBalance;
import com.voicecore.domain.model.plan.CreditLedger;
import com.voicecore.domain.model.plan.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.UUID;

@ApplicationScoped
public class JpaCreditLedger implements CreditLedger {

    @PersistenceContext(unitName = "voicecore")
    private EntityManager em;

    @Inject
    TransactionMemo memo;

    public JpaCreditLedger() {
    }

    /** For use outside a container (tests, tools). */
    public JpaCreditLedger(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Plan> plan() {
        Supplier<Optional<Plan>> lookup = () -> em.createQuery("select p from Plan p", Plan.class).getResultStream().findFirst();
        return memo == null ? lookup.get() : memo.get("plan", lookup);
    }

    @Override
    public CreditBalance balance(BillingPeriod period) {
        int included = plan().map(Plan::includedMinutes).orElse(0);
        Number used = em.createNamedQuery("CreditUsage.minutesIn", Number.class)
                .setParameter("period", period.start())
                .getSingleResult();
        return new CreditBalance(period, included, used.longValue());
    }

    @Override
    public void lockForDebit() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('credits:' || current_setting('app.current_tenant', true), 0))")
                .getSingleResult();
    }

    @Override
    public boolean debit(Call call, BillingPeriod period, int minutes) {
        // the unique call_id makes a second debit of one call a no-op, even from another node
        return em.createNativeQuery("insert into credit_usage (id, tenant_id, call_id, period_start, minutes) "
                        + "values (?1, nullif(current_setting('app.current_tenant', true), '')::uuid, ?2, ?3, ?4) "
                        + "on conflict (call_id) do nothing")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, call.id())
                .setParameter(3, period.start())
                .setParameter(4, minutes)
                .executeUpdate() == 1;
    }
}
