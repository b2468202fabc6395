package com.voicecore.infrastructure.persistence.jpa;

import com.voicecore.domain.model.conversation.TransferRule;
import com.voicecore.domain.model.conversation.TransferRuleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaTransferRuleRepository implements TransferRuleRepository {

    @PersistenceContext(unitName = "voicecore")
    private EntityManager em;

    public JpaTransferRuleRepository() {
    }

    /** For use outside a container (tests, tools). */
    public JpaTransferRuleRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<TransferRule> all() {
        return em.createNamedQuery("TransferRule.findAll", TransferRule.class).getResultList();
    }

    @Override
    public Optional<TransferRule> find(UUID id) {
        return Optional.ofNullable(em.find(TransferRule.class, id));
    }

    @Override
    public void store(TransferRule rule) {
        if (!em.contains(rule)) {
            em.persist(rule);
        }
        em.flush();
    }

    @Override
    public void remove(TransferRule rule) {
        em.remove(rule);
        em.flush();
    }
}
