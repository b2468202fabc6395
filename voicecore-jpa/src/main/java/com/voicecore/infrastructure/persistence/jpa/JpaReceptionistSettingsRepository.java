package com.voicecore.infrastructure.persistence.jpa;

import com.voicecore.domain.model.receptionist.ReceptionistSettings;
import com.voicecore.domain.model.receptionist.ReceptionistSettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.function.Supplier;

@ApplicationScoped
public class JpaReceptionistSettingsRepository implements ReceptionistSettingsRepository {

    @PersistenceContext(unitName = "voicecore")
    private EntityManager em;

    @Inject
    TransactionMemo memo;

    public JpaReceptionistSettingsRepository() {
    }

    /** For use outside a container (tests, tools). */
    public JpaReceptionistSettingsRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<ReceptionistSettings> current() {
        Supplier<Optional<ReceptionistSettings>> lookup = () -> em.createQuery("select s from ReceptionistSettings s",
                ReceptionistSettings.class).getResultStream().findFirst();
        return memo == null ? lookup.get() : memo.get("receptionist-settings", lookup);
    }
}
