package com.voicecore.infrastructure.persistence.jpa;

import com.voicecore.domain.model.conversation.Conversation;
import com.voicecore.domain.model.conversation.ConversationRepository;
import com.voicecore.domain.model.conversation.ConversationTurn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaConversationRepository implements ConversationRepository {

    @PersistenceContext(unitName = "voicecore")
    private EntityManager em;

    public JpaConversationRepository() {
    }

    /** For use outside a container (tests, tools). */
    public JpaConversationRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Conversation> findByCall(UUID callId) {
        return em.createNamedQuery("Conversation.byCall", Conversation.class)
                .setParameter("callId", callId).getResultStream().findFirst();
    }

    @Override
    public Optional<Conversation> lockByCall(UUID callId) {
        return em.createNamedQuery("Conversation.byCall", Conversation.class)
                .setParameter("callId", callId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    @Override
    public void store(Conversation conversation) {
        em.persist(conversation);
    }

    @Override
    public void append(ConversationTurn turn) {
        em.persist(turn);
    }

    @Override
    public List<ConversationTurn> turns(UUID callId) {
        return em.createNamedQuery("ConversationTurn.forCall", ConversationTurn.class)
                .setParameter("callId", callId).getResultList();
    }
}
