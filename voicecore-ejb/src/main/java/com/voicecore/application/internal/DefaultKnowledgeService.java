package com.voicecore.application.internal;

import com.voicecore.application.KnowledgeAnswer;
import com.voicecore.application.KnowledgeDraft;
import com.voicecore.application.KnowledgeService;
import com.voicecore.application.SuggestionApproval;
import com.voicecore.application.exception.ConflictException;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.conversation.LanguageCode;
import com.voicecore.domain.model.knowledge.KnowledgeEntry;
import com.voicecore.domain.model.knowledge.KnowledgeMatch;
import com.voicecore.domain.model.knowledge.KnowledgeRepository;
import com.voicecore.domain.model.knowledge.KnowledgeSuggestion;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@Stateless
public class DefaultKnowledgeService implements KnowledgeService {

    static final int MAX_PAGE = 500;

    @Inject
    KnowledgeRepository knowledge;

    @Inject
    Clock clock;

    @Override
    public List<KnowledgeEntry> list(String language, String category, int limit, int offset) {
        return knowledge.list(language == null ? null : language(language), category,
                Math.max(1, Math.min(limit, MAX_PAGE)), Math.max(0, offset));
    }

    @Override
    public KnowledgeEntry get(UUID id) {
        return knowledge.find(id).orElseThrow(() -> new UnknownEntityException("knowledge entry", id));
    }

    @Override
    public KnowledgeEntry create(KnowledgeDraft draft) {
        return valid(() -> add(draft));
    }

    private KnowledgeEntry add(KnowledgeDraft draft) {
        KnowledgeEntry entry = new KnowledgeEntry(draft.question(), draft.answer(), draft.category(), language(draft.language()),
                draft.priority());
        entry.rephrase(draft.keywords());
        if (Boolean.FALSE.equals(draft.active())) {
            entry.deactivate();
        }
        knowledge.add(entry);
        return entry;
    }

    @Override
    public KnowledgeEntry update(UUID id, KnowledgeDraft draft) {
        KnowledgeEntry entry = get(id);
        return valid(() -> revise(entry, draft));
    }

    private KnowledgeEntry revise(KnowledgeEntry entry, KnowledgeDraft draft) {
        entry.revise(draft.question(), draft.answer());
        entry.categorise(draft.category(), draft.priority());
        entry.relanguage(language(draft.language()));
        entry.rephrase(draft.keywords());
        if (Boolean.FALSE.equals(draft.active())) {
            entry.deactivate();
        } else if (Boolean.TRUE.equals(draft.active())) {
            entry.activate();
        }
        return entry;
    }

    @Override
    public void delete(UUID id) {
        knowledge.remove(get(id));
    }

    @Override
    public List<String> categories() {
        return knowledge.categories();
    }

    @Override
    public List<KnowledgeAnswer> search(String query, String language, int limit) {
        return knowledge.search(query, language(language), Math.max(1, Math.min(limit, 10)), KnowledgeMatch.MIN_RELEVANCE)
                .stream().map(ConversationRecorder::answer).toList();
    }

    @Override
    public List<KnowledgeSuggestion> suggestions(KnowledgeSuggestion.Status status, int limit) {
        return knowledge.suggestions(status == null ? KnowledgeSuggestion.Status.PENDING : status, Math.max(1, Math.min(limit, MAX_PAGE)));
    }

    @Override
    public KnowledgeEntry approve(UUID suggestionId, SuggestionApproval approval) {
        KnowledgeSuggestion suggestion = suggestion(suggestionId);
        pending(suggestion);
        if (approval.attachTo() != null) {
            KnowledgeEntry entry = knowledge.find(approval.attachTo())
                    .orElseThrow(() -> new InvalidValueException("attachTo", "No knowledge entry with id " + approval.attachTo()));
            if (!entry.language().equals(suggestion.language())) {
                throw new InvalidValueException("attachTo", "The entry is in " + entry.language() + ", the question in "
                        + suggestion.language());
            }
            // the caller's wording becomes one of the entry's own: asked again, it is found
            suggestion.approve(entry.answer(), clock.instant());
            entry.learnWording(suggestion.question());
            suggestion.publishedAs(entry.id());
            return entry;
        }
        String answer;
        try {
            answer = suggestion.approve(approval.answer(), clock.instant());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("answer", e.getMessage());
        }
        KnowledgeEntry entry = new KnowledgeEntry(suggestion.question(), answer, approval.category(), suggestion.language(),
                approval.priority() == null ? 0 : approval.priority());
        knowledge.add(entry);
        suggestion.publishedAs(entry.id());
        return entry;
    }

    @Override
    public KnowledgeSuggestion reject(UUID suggestionId) {
        KnowledgeSuggestion suggestion = suggestion(suggestionId);
        pending(suggestion);
        suggestion.reject(clock.instant());
        return suggestion;
    }

    /** The entity's own rules, as a 400 naming no particular field when the edge let something through. */
    private static KnowledgeEntry valid(java.util.function.Supplier<KnowledgeEntry> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(null, e.getMessage());
        }
    }

    private KnowledgeSuggestion suggestion(UUID id) {
        // locked: a second approval waits, then finds it decided instead of publishing it again
        return knowledge.lockSuggestion(id).orElseThrow(() -> new UnknownEntityException("suggestion", id));
    }

    private static void pending(KnowledgeSuggestion suggestion) {
        if (suggestion.status() != KnowledgeSuggestion.Status.PENDING) {
            throw new ConflictException("status", "This suggestion was already " + suggestion.status().code());
        }
    }

    private static String language(String code) {
        try {
            return LanguageCode.normalise(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("language", e.getMessage());
        }
    }
}
