package com.voicecore.application.internal;

import com.voicecore.application.realtime.ConversationPort;
import com.voicecore.application.realtime.Turn;
import com.voicecore.domain.model.knowledge.KnowledgeEntry;
import com.voicecore.domain.model.realtime.RealtimeRepository;
import com.voicecore.domain.model.realtime.RealtimeTurn;
import com.voicecore.domain.model.receptionist.ReceptionistSettings;
import com.voicecore.domain.model.receptionist.ReceptionistSettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The realtime transport's conversation port until the AI receptionist's conversation API lands: the
 * tenant's settings as instructions, word-overlap search over the active knowledge base, turns in
 * {@code realtime_turns}. Deliberately plain; the policy proper (language detection, ranking that
 * learns, attempt counting) belongs to the conversation API and replaces this class.
 */
@ApplicationScoped
public class InterimConversationPort implements ConversationPort {

    @PersistenceContext(unitName = "voicecore")
    EntityManager em;

    @Inject
    ReceptionistSettingsRepository receptionist;

    @Inject
    RealtimeRepository realtime;

    @Override
    public String instructions() {
        ReceptionistSettings s = receptionist.current().orElse(null);
        String company = s == null ? "the company" : s.companyName();
        String languages = s == null ? "en" : String.join(", ", s.languages());
        StringBuilder b = new StringBuilder();
        b.append("You are the virtual receptionist of ").append(company).append(", speaking on the phone. ");
        if (s != null) {
            b.append("Greet callers with: \"").append(s.greeting()).append("\". ");
        }
        b.append("Answer in the caller's language; this company serves: ").append(languages)
                .append(". Keep answers short and spoken. ")
                .append("Use search_knowledge_base for any question about the company and answer only from what it returns. ")
                .append("When the caller wants a person, department or extension, call transfer_call. ")
                .append("When the caller wants to leave a message, collect it and call take_message. ")
                .append("When the conversation is over, say goodbye and call end_call. ")
                .append("If you cannot help after three attempts, transfer to the reception.");
        return b.toString();
    }

    @Override
    public List<Answer> search(String query, int max) {
        Set<String> words = words(query);
        if (words.isEmpty()) {
            return List.of();
        }
        List<KnowledgeEntry> entries = em.createQuery("select k from KnowledgeEntry k where k.active = true", KnowledgeEntry.class)
                .setMaxResults(5000).getResultList();
        return entries.stream()
                .map(e -> new Object[] {e, overlap(words, words(e.question() + " " + e.category().orElse("")))})
                .filter(a -> (int) a[1] > 0)
                .sorted(Comparator.<Object[]>comparingInt(a -> (int) a[1]).reversed()
                        .thenComparing(a -> -((KnowledgeEntry) a[0]).priority()))
                .limit(max)
                .map(a -> new Answer(((KnowledgeEntry) a[0]).question(), ((KnowledgeEntry) a[0]).answer()))
                .toList();
    }

    @Override
    public void record(Turn turn) {
        realtime.store(new RealtimeTurn(turn.callId(), turn.streamId(), turn.seq(), turn.speaker(), turn.text(), turn.language(),
                turn.itemId(), null, turn.responseLatencyMs(), turn.bridgeMaxMicros(), turn.bridgeFrames(), turn.at()));
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 2).collect(Collectors.toSet());
    }

    private static int overlap(Set<String> a, Set<String> b) {
        return (int) a.stream().filter(b::contains).count();
    }
}
