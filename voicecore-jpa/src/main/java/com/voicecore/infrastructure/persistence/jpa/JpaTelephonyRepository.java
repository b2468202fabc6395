package com.voicecore.infrastructure.persistence.jpa;

import com.voicecore.domain.model.phone.TelephonyRepository;
import com.voicecore.domain.model.phone.TelephonySettings;
import com.voicecore.domain.model.phone.TenantPhoneNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.UUID;

@ApplicationScoped
public class JpaTelephonyRepository implements TelephonyRepository {

    @PersistenceContext(unitName = "voicecore")
    private EntityManager em;

    @Inject
    TransactionMemo memo;

    public JpaTelephonyRepository() {
    }

    /** For use outside a container (tests, tools). */
    public JpaTelephonyRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<TelephonySettings> settings() {
        Supplier<Optional<TelephonySettings>> lookup = () -> em.createNamedQuery("TelephonySettings.current",
                TelephonySettings.class).getResultStream().findFirst();
        return memo == null ? lookup.get() : memo.get("telephony-settings", lookup);
    }

    @Override
    public void store(TelephonySettings settings) {
        if (!em.contains(settings)) {
            em.persist(settings);
            if (memo != null) {
                memo.forget("telephony-settings");
            }
        }
        em.flush();
    }

    @Override
    public List<TenantPhoneNumber> numbers() {
        return em.createNamedQuery("TenantPhoneNumber.findAll", TenantPhoneNumber.class).getResultList();
    }

    @Override
    public Optional<TenantPhoneNumber> number(UUID id) {
        return Optional.ofNullable(em.find(TenantPhoneNumber.class, id));
    }

    @Override
    public Optional<TenantPhoneNumber> numberByE164(String e164) {
        return em.createNamedQuery("TenantPhoneNumber.findByNumber", TenantPhoneNumber.class)
                .setParameter("e164", e164).getResultStream().findFirst();
    }

    @Override
    public void store(TenantPhoneNumber number) {
        if (!em.contains(number)) {
            em.persist(number);
        }
        em.flush();
    }

    @Override
    public void remove(TenantPhoneNumber number) {
        em.remove(number);
        em.flush();
    }
}
