package com.voicecore.domain.model.conversation;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One exchange: what the caller said (or keyed) and what the receptionist answered, in which language,
 * what the caller wanted, and how long it took. Stored in its own transaction as it happens. The two
 * realtime latencies are null on the turn-based transport.
 */
@Entity
@Table(name = "conversation_turns")
@NamedQuery(name = "ConversationTurn.forCall",
        query = "select t from ConversationTurn t where t.callId = :callId order by t.seq")
public class ConversationTurn extends TenantOwnedEntity {

    public static final int MAX_CALLER_TEXT = 2000;
    public static final int MAX_REPLY_TEXT = 4000;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    private UUID conversationId;

    @Column(name = "call_id", nullable = false, updatable = false)
    private UUID callId;

    @Column(name = "seq", nullable = false, updatable = false)
    private int seq;

    @Column(name = "caller_text", length = MAX_CALLER_TEXT)
    private String callerText;

    @Column(name = "reply_text", nullable = false, length = MAX_REPLY_TEXT)
    private String replyText;

    @Column(name = "language", nullable = false, length = 10)
    private String language;

    @Column(name = "intent", nullable = false, length = 20)
    private String intent;

    @Column(name = "knowledge_entry_id")
    private UUID knowledgeEntryId;

    @Column(name = "confidence")
    private Float confidence;

    @Column(name = "server_ms")
    private Integer serverMillis;

    @Column(name = "speech_to_audio_ms")
    private Integer speechToAudioMillis;

    @Column(name = "bridge_ms")
    private Integer bridgeMillis;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ConversationTurn() {
    }

    public ConversationTurn(Conversation conversation, String callerText, String replyText, String language, Intent intent,
                            UUID knowledgeEntryId, Double confidence, Integer serverMillis, Integer speechToAudioMillis,
                            Integer bridgeMillis, Instant at) {
        this.conversationId = conversation.id();
        this.callId = conversation.callId();
        this.seq = conversation.nextTurn();
        this.callerText = cut(callerText, MAX_CALLER_TEXT);
        this.replyText = cut(Objects.requireNonNullElse(replyText, ""), MAX_REPLY_TEXT);
        this.language = LanguageCode.normalise(language);
        this.intent = Objects.requireNonNull(intent, "intent").code();
        this.knowledgeEntryId = knowledgeEntryId;
        this.confidence = confidence == null ? null : confidence.floatValue();
        this.serverMillis = nonNegative(serverMillis);
        this.speechToAudioMillis = nonNegative(speechToAudioMillis);
        this.bridgeMillis = nonNegative(bridgeMillis);
        this.createdAt = Objects.requireNonNull(at, "at");
    }

    private static Integer nonNegative(Integer value) {
        return value == null ? null : Math.max(0, value);
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public UUID callId() {
        return callId;
    }

    public int seq() {
        return seq;
    }

    public Optional<String> callerText() {
        return Optional.ofNullable(callerText);
    }

    public String replyText() {
        return replyText;
    }

    public String language() {
        return language;
    }

    public Intent intent() {
        return Intent.fromCode(intent);
    }

    public Optional<UUID> knowledgeEntryId() {
        return Optional.ofNullable(knowledgeEntryId);
    }

    public Optional<Double> confidence() {
        return Optional.ofNullable(confidence).map(Float::doubleValue);
    }

    public Optional<Integer> serverMillis() {
        return Optional.ofNullable(serverMillis);
    }

    public Optional<Integer> speechToAudioMillis() {
        return Optional.ofNullable(speechToAudioMillis);
    }

    public Optional<Integer> bridgeMillis() {
        return Optional.ofNullable(bridgeMillis);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
