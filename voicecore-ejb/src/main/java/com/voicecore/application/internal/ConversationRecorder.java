package com.voicecore.application.internal;

import com.voicecore.application.ConversationRecord;
import com.voicecore.application.KnowledgeAnswer;
import com.voicecore.application.ReceptionistBrief;
import com.voicecore.application.TurnDraft;
import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.agent.AgentRepository;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.conversation.Conversation;
import com.voicecore.domain.model.conversation.ConversationRepository;
import com.voicecore.domain.model.conversation.ConversationTurn;
import com.voicecore.domain.model.conversation.Directory;
import com.voicecore.domain.model.conversation.TransferRuleRepository;
import com.voicecore.domain.model.conversation.TransferRules;
import com.voicecore.domain.model.conversation.Intent;
import com.voicecore.domain.model.conversation.LanguageCode;
import com.voicecore.domain.model.conversation.Outcome;
import com.voicecore.domain.model.conversation.Phrasebook;
import com.voicecore.domain.model.conversation.ServedLanguages;
import com.voicecore.domain.model.conversation.Transcript;
import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.department.DepartmentRepository;
import com.voicecore.domain.model.knowledge.KnowledgeEntry;
import com.voicecore.domain.model.knowledge.KnowledgeMatch;
import com.voicecore.domain.model.knowledge.KnowledgeRepository;
import com.voicecore.domain.model.knowledge.KnowledgeSuggestion;
import com.voicecore.domain.model.receptionist.ReceptionistSettings;
import com.voicecore.domain.model.receptionist.ReceptionistSettingsRepository;
import com.voicecore.domain.model.registry.TenantDefaults;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The conversation's bookkeeping inside the caller's transaction, shared by the conversation service
 * (realtime bridge, REST) and the turn-based receptionist: opening it, searching the knowledge base,
 * storing turns with their learning side effects (an answer used, a question without one becomes a
 * suggestion), and finishing it (learning from the outcome, transcript and summary on the call).
 */
@ApplicationScoped
public class ConversationRecorder {

    /** How many entries a brief lists per language. */
    static final int BRIEF_TOPICS = 25;

    @Inject
    ConversationRepository conversations;

    @Inject
    KnowledgeRepository knowledge;

    @Inject
    ReceptionistSettingsRepository settings;

    @Inject
    DepartmentRepository departments;

    @Inject
    AgentRepository agents;

    @Inject
    TransferRuleRepository transferRules;

    @Inject
    Clock clock;

    /** The call's conversation, locked; opened in the tenant's default language when it is the first turn. */
    Conversation open(Call call, String transport) {
        return conversations.lockByCall(call.id()).orElseGet(() -> {
            Conversation created = new Conversation(call.id(), transport, served().defaultLanguage(), clock.instant());
            conversations.store(created);
            return created;
        });
    }

    ServedLanguages served() {
        return settings.current().map(ReceptionistSettings::servedLanguages).orElseGet(() -> ServedLanguages.of("en"));
    }

    /** The tenant's voice for its default language; every other language speaks with a voice of its own. */
    String voiceFor(String language) {
        Optional<ReceptionistSettings> s = settings.current();
        String code = LanguageCode.normalise(language);
        // the tenant's voice only if it speaks that language: Polly.Joanna would read Spanish with an English accent
        if (s.isPresent() && LanguageCode.normalise(s.get().defaultLanguage()).equals(code) && !s.get().voice().isBlank()
                && Phrasebook.voiceSpeaks(s.get().voice(), code)) {
            return s.get().voice();
        }
        return Phrasebook.speaks(code) ? Phrasebook.spoken(code).voice() : TenantDefaults.VOICE;
    }

    String twilioLanguage(String language) {
        String code = LanguageCode.normalise(language);
        return Phrasebook.speaks(code) ? Phrasebook.spoken(code).twilioTag() : "en-US";
    }

    List<KnowledgeMatch> search(String words, String language, int limit) {
        return knowledge.search(words, language, limit, KnowledgeMatch.MIN_RELEVANCE);
    }

    Optional<KnowledgeMatch> best(String words, String language) {
        return search(words, language, 1).stream().findFirst();
    }

    static KnowledgeAnswer answer(KnowledgeMatch m) {
        return new KnowledgeAnswer(m.entryId(), m.question(), m.answer(), m.category(), m.language(), m.relevance(), m.score());
    }

    /** The tenant's transfer rules as the receptionist applies them (active ones, in order). */
    TransferRules transferRules() {
        return TransferRules.of(transferRules.all());
    }

    Directory directory() {
        List<Directory.Listing> deps = departments.findAll().stream().map(d -> new Directory.Listing(d.id(), d.name())).toList();
        List<Agent> all = agents.findAll();
        List<Directory.Listing> people = all.stream().map(a -> new Directory.Listing(a.id(), a.name())).toList();
        Map<String, Directory.Listing> extensions = new HashMap<>();
        for (Agent a : all) {
            a.extension().ifPresent(e -> extensions.put(e.toString(), new Directory.Listing(a.id(), a.name())));
        }
        return new Directory(deps, people, extensions);
    }

    /**
     * Stores a turn. A knowledge-base answer counts as a use of its entry; a question without an
     * answer becomes (or adds to) a suggestion, with the nearest weaker entry's answer as a draft. A
     * test call (the console's "try a call") teaches nothing: an admin rehearsing is not a caller, so
     * neither the entries' counters and ranking nor the suggestions may follow what they typed.
     */
    ConversationTurn record(Call call, Conversation conversation, TurnDraft draft) {
        String language = draft.language() == null ? conversation.language() : draft.language();
        ConversationTurn turn = new ConversationTurn(conversation, draft.callerText(), draft.replyText(), language,
                draft.intent() == null ? Intent.QUESTION : draft.intent(), draft.knowledgeEntryId(), draft.confidence(),
                draft.serverMillis(), draft.speechEndToFirstAudioMillis(), draft.bridgeAddedMillis(), clock.instant());
        conversations.append(turn);
        if (call.isTestCall()) {
            return turn;
        }
        if (draft.knowledgeEntryId() != null) {
            knowledge.recordUse(draft.knowledgeEntryId(), clock.instant());
        } else if (turn.intent() == Intent.QUESTION && turn.callerText().isPresent()) {
            suggest(turn.callerText().get(), language, conversation.callId());
        }
        return turn;
    }

    private void suggest(String question, String language, UUID callId) {
        Optional<String> draft = knowledge.search(question, language, 1, 0.0).stream().findFirst().map(KnowledgeMatch::answer);
        String normalized = KnowledgeSuggestion.normalise(question);
        if (normalized.isEmpty()) {
            return;
        }
        knowledge.suggest(new KnowledgeSuggestion(question, language, draft.orElse(null), callId));
    }

    /**
     * Ends the call's conversation (if it had one): outcome settled, the answers it used learn how it
     * ended (not for a test call), transcript and summary written on the call. Idempotent.
     */
    void finish(Call call) {
        Optional<Conversation> conversation = conversations.lockByCall(call.id());
        List<ConversationTurn> turns = conversation.isPresent() ? conversations.turns(call.id()) : List.of();
        if (conversation.isPresent() && !conversation.get().isFinished()) {
            Conversation c = conversation.get();
            c.finish(clock.instant());
            Outcome outcome = c.outcome().orElse(Outcome.ABANDONED);
            Set<UUID> used = new LinkedHashSet<>();
            turns.forEach(t -> t.knowledgeEntryId().ifPresent(used::add));
            if (!call.isTestCall()) { // see record: a rehearsal teaches nothing
                knowledge.learn(used, outcome); // once per distinct entry and call, however often it was given
            }
        }
        if (call.transcript().isEmpty()) {
            Transcript t = Transcript.of(conversation, turns, call.route(),
                    id -> knowledge.find(id).map(KnowledgeEntry::question));
            call.transcribed(t.text(), t.summary());
        }
    }

    ReceptionistBrief brief(Optional<Conversation> conversation) {
        ReceptionistSettings s = settings.current().orElse(null);
        ServedLanguages served = served();
        String language = conversation.map(Conversation::language).orElse(served.defaultLanguage());
        String company = s == null ? "the company" : s.companyName();
        String greeting = s == null ? "Thank you for calling." : s.greeting();
        List<String> departmentNames = departments.findAll().stream().map(Department::name).toList();
        List<ReceptionistBrief.Topic> topics = new ArrayList<>();
        for (String code : served.codes()) {
            knowledge.topEntries(code, BRIEF_TOPICS).forEach(e ->
                    topics.add(new ReceptionistBrief.Topic(e.question(), e.answer(), e.category().orElse(null), e.language())));
        }
        StringBuilder text = new StringBuilder();
        text.append("You are the telephone receptionist of ").append(company).append(". ");
        text.append("Greet callers with: \"").append(greeting).append("\". ");
        text.append("Answer in the caller's language; the languages served are ")
                .append(String.join(", ", served.codes().stream().map(LanguageCode::englishName).toList()))
                .append(" (default ").append(LanguageCode.englishName(served.defaultLanguage())).append("). ");
        text.append("If the caller speaks another language, say politely that you can only help in those languages. ");
        text.append("Answer questions only from the knowledge base (use the search tool for anything not listed below); ");
        text.append("never invent facts. Callers may ask for a person or one of these departments: ")
                .append(String.join(", ", departmentNames)).append("; transfer them, or take a message. ");
        text.append("After three unsuccessful attempts to help, transfer the caller to customer service. ");
        text.append("Keep replies short: they are spoken on the phone.");
        if (!topics.isEmpty()) {
            text.append("\n\nKnowledge base:");
            topics.forEach(t -> text.append("\n- [").append(t.language()).append("] Q: ").append(t.question())
                    .append(" A: ").append(t.answer()));
        }
        return new ReceptionistBrief(company, greeting, served.codes(), served.defaultLanguage(), language, voiceFor(language),
                s == null ? "turn_based" : s.transport(), departmentNames, topics, text.toString());
    }

    Optional<ConversationRecord> view(Call call) {
        Optional<Conversation> c = conversations.findByCall(call.id());
        if (c.isEmpty() && call.transcript().isEmpty()) {
            return Optional.empty();
        }
        List<ConversationRecord.Turn> turns = c.isEmpty() ? List.of() : conversations.turns(call.id()).stream()
                .map(t -> new ConversationRecord.Turn(t.seq(), t.callerText().orElse(null), t.replyText(), t.language(),
                        t.intent().code(), t.knowledgeEntryId().orElse(null), t.confidence().orElse(null),
                        t.serverMillis().orElse(null), t.speechToAudioMillis().orElse(null), t.bridgeMillis().orElse(null),
                        t.createdAt()))
                .toList();
        return Optional.of(new ConversationRecord(call.id(), c.map(Conversation::transport).orElse(null),
                c.map(Conversation::language).orElse(null), c.flatMap(Conversation::detectedLanguage).orElse(null),
                c.map(Conversation::failedAttempts).orElse(0), c.flatMap(Conversation::outcome).map(Outcome::code).orElse(null),
                c.flatMap(Conversation::outcomeDetail).orElse(null), c.map(Conversation::startedAt).orElse(null),
                c.flatMap(Conversation::finishedAt).orElse(null), turns, call.transcript().orElse(null),
                call.summary().orElse(null)));
    }
}
