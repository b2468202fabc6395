package com.voicecore.application;

import com.voicecore.domain.model.conversation.Outcome;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The receptionist's conversation, for both transports (turn-based TwiML and the realtime bridge).
 * Calls are named by their Twilio call SID in the current tenant; an unknown SID is an
 * {@link com.voicecore.application.exception.UnknownEntityException}. Each method is its own
 * transaction, so a recorded turn is committed before the caller hears the next one.
 *
 * <p>A realtime bridge typically: {@link #begin} when the stream starts, {@link #brief} for the
 * session instructions, {@link #searchKnowledge} for the model's look-up tool, {@link #recordTurn}
 * per caller/assistant exchange (with its latency fields), {@link #markOutcome} on a transfer, a
 * message or a goodbye; {@link #finish} runs by itself on the call's terminal status callback.
 */
public interface ConversationService {

    /**
     * Opens the call's conversation (idempotent): language = the tenant's default until the first
     * utterance fixes it.
     *
     * @param transport "turn_based" or "realtime"
     */
    ConversationSnapshot begin(String callSid, String transport);

    /** What the receptionist must know to talk for the tenant: company, greeting, languages, voice, topics. */
    ReceptionistBrief brief(String callSid);

    /**
     * Fixes the conversation's language from the caller's first utterance (detected by VoiceCore's
     * detector; later calls return the fixed choice and change nothing).
     */
    LanguageDecision chooseLanguage(String callSid, String firstUtterance);

    /**
     * The knowledge base's answers to the caller's words, best first, in {@code language} (null: the
     * conversation's). Records nothing; pass the answer you used to {@link #recordTurn}.
     */
    List<KnowledgeAnswer> searchKnowledge(String callSid, String query, String language, int limit);

    /**
     * Stores one exchange, committed at once. A turn that gave a knowledge-base answer counts as a
     * use of that entry; a question without an answer becomes a suggestion for the admin.
     */
    TurnReceipt recordTurn(String callSid, TurnDraft turn);

    /** How the conversation ended so far (a transfer, a message, a goodbye); learning counts it at the end. */
    void markOutcome(String callSid, Outcome outcome, String detail);

    /**
     * Ends the conversation: outcome settled, the answers used learn from it, the call's transcript
     * and summary stored. Idempotent; runs on the call's terminal status callback.
     */
    Optional<ConversationRecord> finish(String callSid);

    /** The call's conversation for review (turns, transcript, summary); empty when it had none. */
    Optional<ConversationRecord> conversation(UUID callId);
}
