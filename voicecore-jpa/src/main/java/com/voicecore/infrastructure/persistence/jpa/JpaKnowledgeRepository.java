package com.voicecore.infrastructure.persistence.jpa;

import com.voicecore.domain.model.conversation.LanguageCode;
import com.voicecore.domain.model.knowledge.KnowledgeEntry;
import com.voicecore.domain.model.knowledge.KnowledgeMatch;
import com.voicecore.domain.model.knowledge.KnowledgeRepository;
import com.voicecore.domain.model.knowledge.KnowledgeSuggestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The knowledge base in PostgreSQL. Search is full-text per language: the entry's stored vector
 * (question and keywords weigh A, answer C) in the language's text-search configuration
 * ({@code kb_regconfig}: stemming and stop words of that language) against the caller's words, any
 * of which may match (an OR of their stems: callers rarely repeat the entry's wording), ranked by
 * {@code ts_rank_cd} normalised to [0, 1) and weighted by priority and learned rank.
 */
@ApplicationScoped
public class JpaKnowledgeRepository implements KnowledgeRepository {

    /** How much priority (0–100) and learned rank (0–1) move an equally relevant entry. */
    static final String SCORE = "rel * (0.75 + 0.25 * priority / 100.0) * (0.5 + learned)";

    private static final String SEARCH = "with q as (select cast(replace(cast(plainto_tsquery(kb_regconfig(?1), ?2) as text),"
            + " ' & ', ' | ') as tsquery) as query),"
            + " hits as (select k.id, k.question, k.answer, k.category, k.language, k.priority,"
            + " ts_rank_cd(k.search_vector, q.query, 32) as rel,"
            + " (k.times_resolved + 1.0) / (greatest(k.times_used, k.times_resolved) + 2.0) as learned"
            + " from knowledge_base k, q where k.active and k.language = ?3 and k.search_vector @@ q.query)"
            + " select id, question, answer, category, language, priority, rel, learned, " + SCORE + " as score"
            + " from hits where rel >= ?4 order by score desc, id limit ?5";

    @PersistenceContext(unitName = "voicecore")
    private EntityManager em;

    public JpaKnowledgeRepository() {
    }

    /** For use outside a container (tests, tools). */
    public JpaKnowledgeRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<KnowledgeMatch> search(String query, String language, int limit, double minRelevance) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String code = LanguageCode.normalise(language);
        String words = query.length() > 500 ? query.substring(0, 500) : query;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SEARCH)
                .setParameter(1, code)
                .setParameter(2, words)
                .setParameter(3, code)
                .setParameter(4, minRelevance)
                .setParameter(5, Math.max(1, Math.min(limit, 50)))
                .getResultList();
        List<KnowledgeMatch> matches = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            matches.add(new KnowledgeMatch((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    ((Number) r[5]).intValue(), ((Number) r[6]).doubleValue(), ((Number) r[7]).doubleValue(),
                    ((Number) r[8]).doubleValue()));
        }
        return matches;
    }

    @Override
    public Optional<KnowledgeEntry> find(UUID id) {
        return Optional.ofNullable(em.find(KnowledgeEntry.class, id));
    }

    @Override
    public List<KnowledgeEntry> list(String language, String category, int limit, int offset) {
        StringBuilder jpql = new StringBuilder("select k from KnowledgeEntry k where 1 = 1");
        if (language != null) {
            jpql.append(" and k.language = :language");
        }
        if (category != null) {
            jpql.append(" and k.category = :category");
        }
        jpql.append(" order by k.priority desc, k.question, k.id");
        TypedQuery<KnowledgeEntry> q = em.createQuery(jpql.toString(), KnowledgeEntry.class);
        if (language != null) {
            q.setParameter("language", LanguageCode.normalise(language));
        }
        if (category != null) {
            q.setParameter("category", category);
        }
        return q.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, limit)).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(k) from KnowledgeEntry k", Long.class).getSingleResult();
    }

    @Override
    public List<String> categories() {
        return em.createNamedQuery("KnowledgeEntry.categories", String.class).getResultList();
    }

    @Override
    public List<KnowledgeEntry> topEntries(String language, int limit) {
        return em.createQuery("select k from KnowledgeEntry k where k.active = true and k.language = :language"
                        + " order by k.priority desc, k.timesResolved desc, k.timesUsed desc, k.id", KnowledgeEntry.class)
                .setParameter("language", LanguageCode.normalise(language))
                .setMaxResults(limit).getResultList();
    }

    @Override
    public void add(KnowledgeEntry entry) {
        em.persist(entry);
    }

    @Override
    public void recordUse(UUID entryId, java.time.Instant at) {
        // uses are counted per call when it ends (learn): a turn only says when the answer was last given
        em.createNativeQuery("update knowledge_base set last_used_at = greatest(coalesce(last_used_at, ?1), ?1) where id = ?2")
                .setParameter(1, java.sql.Timestamp.from(at))
                .setParameter(2, entryId)
                .executeUpdate();
    }

    @Override
    public void learn(java.util.Collection<UUID> entriesUsedInOneCall, com.voicecore.domain.model.conversation.Outcome outcome) {
        int resolved = outcome == com.voicecore.domain.model.conversation.Outcome.RESOLVED ? 1 : 0;
        int transferred = outcome == com.voicecore.domain.model.conversation.Outcome.TRANSFERRED ? 1 : 0;
        for (UUID id : new java.util.LinkedHashSet<>(entriesUsedInOneCall)) {
            em.createNativeQuery("update knowledge_base set times_used = times_used + 1, times_resolved = times_resolved + ?1, "
                            + "times_transferred = times_transferred + ?2 where id = ?3")
                    .setParameter(1, resolved)
                    .setParameter(2, transferred)
                    .setParameter(3, id)
                    .executeUpdate();
        }
    }

    @Override
    public void remove(KnowledgeEntry entry) {
        em.remove(entry);
    }

    @Override
    public Optional<KnowledgeSuggestion> findSuggestion(UUID id) {
        return Optional.ofNullable(em.find(KnowledgeSuggestion.class, id));
    }

    @Override
    public Optional<KnowledgeSuggestion> lockSuggestion(UUID id) {
        return Optional.ofNullable(em.find(KnowledgeSuggestion.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<KnowledgeSuggestion> pendingSuggestion(String language, String normalizedQuestion) {
        return em.createNamedQuery("KnowledgeSuggestion.pending", KnowledgeSuggestion.class)
                .setParameter("language", LanguageCode.normalise(language))
                .setParameter("normalized", normalizedQuestion)
                .getResultStream().findFirst();
    }

    @Override
    public List<KnowledgeSuggestion> suggestions(KnowledgeSuggestion.Status status, int limit) {
        return em.createNamedQuery("KnowledgeSuggestion.byStatus", KnowledgeSuggestion.class)
                .setParameter("status", status.code())
                .setMaxResults(Math.max(1, limit)).getResultList();
    }

    @Override
    public void add(KnowledgeSuggestion suggestion) {
        em.persist(suggestion);
    }

    @Override
    public void suggest(KnowledgeSuggestion asked) {
        // read-then-insert would race against the partial unique index and roll the caller's whole turn back
        em.createNativeQuery("insert into knowledge_suggestions (id, tenant_id, question, normalized, language, "
                        + "suggested_answer, occurrences, status, last_call_id, created_at, updated_at) "
                        + "values (?1, nullif(current_setting('app.current_tenant', true), '')::uuid, ?2, ?3, ?4, ?5, 1, "
                        + "'pending', ?6, now(), now()) "
                        + "on conflict (tenant_id, language, normalized) where status = 'pending' do update set "
                        + "occurrences = knowledge_suggestions.occurrences + 1, last_call_id = excluded.last_call_id, "
                        + "suggested_answer = coalesce(knowledge_suggestions.suggested_answer, excluded.suggested_answer), "
                        + "updated_at = now()")
                .setParameter(1, asked.id())
                .setParameter(2, asked.question())
                .setParameter(3, asked.normalized())
                .setParameter(4, asked.language())
                .setParameter(5, asked.suggestedAnswer().orElse(null))
                .setParameter(6, asked.lastCallId().orElse(null))
                .executeUpdate();
    }
}
