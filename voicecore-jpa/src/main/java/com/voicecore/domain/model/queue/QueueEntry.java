package com.voicecore.domain.model.queue;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One caller in one department's queue, from arrival until the wait ends (answered, abandoned or sent
 * to voicemail). Keeps its own rules: an offer is made only while waiting and answered only by the
 * agent it was made to, before it expires; a final state never changes again.
 */
@Entity
@Table(name = "queue_entries")
@NamedQuery(name = "QueueEntry.findByCall", query = "select e from QueueEntry e where e.callId = :callId")
@NamedQuery(name = "QueueEntry.findQueued",
        query = "select e from QueueEntry e where e.departmentId = :departmentId and e.state in :queued")
@NamedQuery(name = "QueueEntry.findAllQueued", query = "select e from QueueEntry e where e.state in :queued")
@NamedQuery(name = "QueueEntry.findOfferDue",
        query = "select e from QueueEntry e where e.state = :offered and e.offerExpiresAt <= :now")
@NamedQuery(name = "QueueEntry.findAnsweredBetween",
        query = "select e from QueueEntry e where e.answeredAt >= :from and e.answeredAt < :until")
public class QueueEntry extends TenantOwnedEntity {

    @Column(name = "department_id", nullable = false)
    private UUID departmentId;

    @Column(name = "call_id", nullable = false)
    private UUID callId;

    @Column(name = "call_sid", nullable = false)
    private String callSid;

    @Column(name = "caller_number", nullable = false)
    private String callerNumber;

    @Column(name = "base_priority", nullable = false)
    private int basePriority;

    @Column(name = "vip", nullable = false)
    private boolean vip;

    @Convert(converter = QueueStateConverter.class)
    @Column(name = "state", nullable = false)
    private QueueState state = QueueState.WAITING;

    @Column(name = "enqueued_at", nullable = false)
    private Instant enqueuedAt;

    @Column(name = "offered_agent_id")
    private UUID offeredAgentId;

    @Column(name = "offer_id")
    private UUID offerId;

    @Column(name = "offer_expires_at")
    private Instant offerExpiresAt;

    @Column(name = "offers_made", nullable = false)
    private int offersMade;

    @Column(name = "agent_id")
    private UUID agentId;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "talk_seconds")
    private Integer talkSeconds;

    @Column(name = "wrap_up_seconds")
    private Integer wrapUpSeconds;

    @Column(name = "last_announced_position")
    private Integer lastAnnouncedPosition;

    @Column(name = "last_announced_at")
    private Instant lastAnnouncedAt;

    protected QueueEntry() {
    }

    public QueueEntry(UUID departmentId, UUID callId, String callSid, String callerNumber, int basePriority, boolean vip,
                      Instant enqueuedAt) {
        this.departmentId = Objects.requireNonNull(departmentId, "departmentId");
        this.callId = Objects.requireNonNull(callId, "callId");
        this.callSid = Objects.requireNonNull(callSid, "callSid");
        this.callerNumber = Objects.requireNonNull(callerNumber, "callerNumber");
        if (basePriority < 0 || basePriority > 1000) {
            throw new IllegalArgumentException("A base priority lies between 0 and 1000");
        }
        this.basePriority = basePriority;
        this.vip = vip;
        this.enqueuedAt = Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    }

    public long priority(Instant now, QueuePolicy policy) {
        return policy.priority(basePriority, vip, enqueuedAt, now);
    }

    /** Offers the caller to an agent; the offer rings until {@code expiresAt}. */
    public UUID offerTo(UUID agent, Instant now, Duration ring) {
        if (state != QueueState.WAITING) {
            throw new IllegalStateException("Only a waiting caller can be offered");
        }
        state = QueueState.OFFERED;
        offeredAgentId = Objects.requireNonNull(agent, "agent");
        offerId = UUID.randomUUID();
        offerExpiresAt = now.plus(ring);
        offersMade++;
        return offerId;
    }

    /** Whether {@code offer} is this entry's open offer, made to {@code agent}, still ringing at {@code now}. */
    public boolean isOpenOffer(UUID offer, UUID agent, Instant now) {
        return state == QueueState.OFFERED && offer.equals(offerId) && agent.equals(offeredAgentId)
                && now.isBefore(offerExpiresAt);
    }

    /** The offer ended without an answer (timeout, rejection, or withdrawn): the caller waits again. */
    public void offerEnded() {
        if (state == QueueState.OFFERED) {
            state = QueueState.WAITING;
            offeredAgentId = null;
            offerId = null;
            offerExpiresAt = null;
        }
    }

    /** The agent accepted: the call is being bridged to the agent. */
    public void accept(UUID offer, UUID agent, Instant now) {
        if (!isOpenOffer(offer, agent, now)) {
            throw new IllegalStateException("The offer is no longer open");
        }
        state = QueueState.BRIDGING;
        agentId = agent;
        answeredAt = now;
        offerExpiresAt = null;
    }

    /** The agent's phone did not answer the bridge: the caller waits again, first in line by its wait. */
    public void bridgeFailed() {
        if (state == QueueState.BRIDGING) {
            state = QueueState.WAITING;
            agentId = null;
            answeredAt = null;
            offeredAgentId = null;
            offerId = null;
        }
    }

    /** The agent's leg answered. */
    public void connected() {
        if (state == QueueState.BRIDGING) {
            state = QueueState.CONNECTED;
        }
    }

    /** The agent's call ended after {@code talk}; the agent wraps up for {@code wrapUp}. */
    public void complete(Instant now, Duration talk, Duration wrapUp) {
        if (state.isFinal()) {
            return;
        }
        state = QueueState.COMPLETED;
        endedAt = now;
        talkSeconds = (int) Math.max(0, talk.getSeconds());
        wrapUpSeconds = (int) Math.max(0, wrapUp.getSeconds());
    }

    /** The caller hung up while queued. */
    public boolean abandon(Instant now) {
        if (!state.isQueued()) {
            return false;
        }
        state = QueueState.ABANDONED;
        endedAt = now;
        return true;
    }

    /** The wait ended in the department's voicemail (the caller chose it, the maximum wait, or no agent). */
    public boolean toVoicemail(Instant now) {
        if (!state.isQueued()) {
            return false;
        }
        state = QueueState.VOICEMAIL;
        endedAt = now;
        return true;
    }

    /**
     * Whether the caller should hear a position announcement now: only when it improved on the last one
     * heard, and not more often than every {@code minGap}. Records it when so.
     */
    public boolean announce(int position, Instant now, Duration minGap) {
        boolean improved = lastAnnouncedPosition == null || position < lastAnnouncedPosition;
        boolean spaced = lastAnnouncedAt == null || !now.isBefore(lastAnnouncedAt.plus(minGap));
        if (improved && spaced) {
            lastAnnouncedPosition = position;
            lastAnnouncedAt = now;
            return true;
        }
        return false;
    }

    public Duration waited(Instant now) {
        Instant end = answeredAt != null ? answeredAt : endedAt != null ? endedAt : now;
        return Duration.between(enqueuedAt, end).isNegative() ? Duration.ZERO : Duration.between(enqueuedAt, end);
    }

    public UUID departmentId() {
        return departmentId;
    }

    public UUID callId() {
        return callId;
    }

    public String callSid() {
        return callSid;
    }

    public String callerNumber() {
        return callerNumber;
    }

    public int basePriority() {
        return basePriority;
    }

    public boolean vip() {
        return vip;
    }

    public QueueState state() {
        return state;
    }

    public Instant enqueuedAt() {
        return enqueuedAt;
    }

    public Optional<UUID> offeredAgentId() {
        return Optional.ofNullable(offeredAgentId);
    }

    public Optional<UUID> offerId() {
        return Optional.ofNullable(offerId);
    }

    public Optional<Instant> offerExpiresAt() {
        return Optional.ofNullable(offerExpiresAt);
    }

    public int offersMade() {
        return offersMade;
    }

    public Optional<UUID> agentId() {
        return Optional.ofNullable(agentId);
    }

    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(answeredAt);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public Optional<Integer> talkSeconds() {
        return Optional.ofNullable(talkSeconds);
    }

    public Optional<Integer> wrapUpSeconds() {
        return Optional.ofNullable(wrapUpSeconds);
    }
}
