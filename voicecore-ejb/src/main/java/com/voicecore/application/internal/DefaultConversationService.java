package com.voicecore.application.internal;

import com.voicecore.application.ConversationRecord;
import com.voicecore.application.ConversationService;
import com.voicecore.application.ConversationSnapshot;
import com.voicecore.application.KnowledgeAnswer;
import com.voicecore.application.LanguageDecision;
import com.voicecore.application.ReceptionistBrief;
import com.voicecore.application.TurnDraft;
import com.voicecore.application.TurnReceipt;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.CallRepository;
import com.voicecore.domain.model.conversation.Conversation;
import com.voicecore.domain.model.conversation.ConversationRepository;
import com.voicecore.domain.model.conversation.ConversationTurn;
import com.voicecore.domain.model.conversation.LanguageCode;
import com.voicecore.domain.model.conversation.LanguageDetection;
import com.voicecore.domain.model.conversation.Outcome;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The conversation service both transports use; the bookkeeping is {@link ConversationRecorder}'s. */
@Stateless
public class DefaultConversationService implements ConversationService {

    static final int MAX_RESULTS = 10;

    @Inject
    CallRepository calls;

    @Inject
    ConversationRepository conversations;

    @Inject
    ConversationRecorder recorder;

    @Inject
    LanguageDetection detection;

    @Override
    public ConversationSnapshot begin(String callSid, String transport) {
        if (transport != null && !transport.equals("turn_based") && !transport.equals("realtime")) {
            throw new InvalidValueException("transport", "The transport is turn_based or realtime");
        }
        return snapshot(recorder.open(locked(callSid), transport));
    }

    @Override
    public ReceptionistBrief brief(String callSid) {
        Call call = found(callSid);
        return recorder.brief(conversations.findByCall(call.id()));
    }

    @Override
    public LanguageDecision chooseLanguage(String callSid, String firstUtterance) {
        Conversation conversation = recorder.open(locked(callSid), null);
        Conversation.LanguageChoice choice = conversation.chooseLanguage(
                firstUtterance == null ? Optional.empty()
                        : detection.detect(firstUtterance, java.util.Set.copyOf(recorder.served().codes())), recorder.served());
        return new LanguageDecision(choice.language(), choice.detected().orElse(null), choice.served(),
                recorder.twilioLanguage(choice.language()), recorder.voiceFor(choice.language()));
    }

    @Override
    public List<KnowledgeAnswer> searchKnowledge(String callSid, String query, String language, int limit) {
        Call call = found(callSid);
        String lang = language != null ? normalised(language)
                : conversations.findByCall(call.id()).map(Conversation::language).orElseGet(() -> recorder.served().defaultLanguage());
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return recorder.search(query, lang, Math.max(1, Math.min(limit, MAX_RESULTS))).stream()
                .map(ConversationRecorder::answer).toList();
    }

    @Override
    public TurnReceipt recordTurn(String callSid, TurnDraft turn) {
        Objects.requireNonNull(turn, "turn");
        if (turn.replyText() == null) {
            throw new InvalidValueException("replyText", "A turn needs the reply (empty when there was none)");
        }
        if (turn.language() != null) {
            normalised(turn.language());
        }
        Call call = locked(callSid);
        Conversation conversation = recorder.open(call, null);
        ConversationTurn stored = recorder.record(call, conversation, turn);
        return new TurnReceipt(stored.id(), stored.seq(), conversation.failedAttempts());
    }

    @Override
    public void markOutcome(String callSid, Outcome outcome, String detail) {
        if (outcome == null) {
            throw new InvalidValueException("outcome", "An outcome is needed");
        }
        recorder.open(locked(callSid), null).conclude(outcome, detail);
    }

    @Override
    public Optional<ConversationRecord> finish(String callSid) {
        Call call = locked(callSid);
        recorder.finish(call);
        return recorder.view(call);
    }

    @Override
    public Optional<ConversationRecord> conversation(UUID callId) {
        Call call = calls.find(callId).orElseThrow(() -> new UnknownEntityException("call", callId));
        return recorder.view(call);
    }

    private Call locked(String callSid) {
        return calls.lockBySid(Objects.requireNonNullElse(callSid, ""))
                .orElseThrow(() -> new UnknownEntityException("call", callSid));
    }

    private Call found(String callSid) {
        return calls.findBySid(Objects.requireNonNullElse(callSid, ""))
                .orElseThrow(() -> new UnknownEntityException("call", callSid));
    }

    private static String normalised(String language) {
        try {
            return LanguageCode.normalise(language);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("language", e.getMessage());
        }
    }

    private static ConversationSnapshot snapshot(Conversation c) {
        return new ConversationSnapshot(c.callId(), c.language(), c.isLanguageFixed(), c.failedAttempts(), c.turnCount(),
                c.outcome().map(Outcome::code).orElse(null));
    }
}
