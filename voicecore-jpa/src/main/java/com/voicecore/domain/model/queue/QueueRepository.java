package com.voicecore.domain.model.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's queues. */
public interface QueueRepository {

    void store(QueueEntry entry);

    Optional<QueueEntry> find(UUID id);

    Optional<QueueEntry> findByCall(UUID callId);

    /** The department's queued callers (waiting or offered), in queue order at {@code now}. */
    List<QueueEntry> queued(UUID departmentId, Instant now, QueuePolicy policy);

    /** Every department's queued callers of this tenant. */
    List<QueueEntry> allQueued();

    /**
     * The department's first waiting caller in queue order, locked for this transaction; callers another
     * transaction holds are skipped ({@code FOR UPDATE SKIP LOCKED}), so two nodes dispatching at once
     * never take the same caller and never block each other.
     */
    Optional<QueueEntry> lockNextWaiting(UUID departmentId, Instant now, QueuePolicy policy);

    /** Locks one entry (skipping it when another transaction holds it). */
    Optional<QueueEntry> lockIfFree(UUID entryId);

    /** Offers whose ring time has run out. */
    List<QueueEntry> offersDue(Instant now);

    List<QueueEntry> answeredBetween(Instant from, Instant until);

    void store(AgentOffer offer);

    Optional<AgentOffer> findOffer(UUID offerId);

    List<AgentOffer> offersBetween(Instant from, Instant until);

    List<VipCaller> vipCallers();

    Optional<VipCaller> findVip(UUID id);

    void store(VipCaller vip);

    void remove(VipCaller vip);

    /** Whether the number is on the tenant's VIP list. */
    boolean isVip(String number);

    /** How many calls this number made to the tenant since {@code since}. */
    long callsFrom(String number, Instant since);
}
