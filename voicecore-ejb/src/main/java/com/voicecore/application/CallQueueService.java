package com.voicecore.application;

import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The department queues as agents and the sweeps use them (callers join through the call path). */
public interface CallQueueService {

    /**
     * The agent takes an offered call: the queued caller is moved through Twilio to {@code bridgeUrl},
     * which dials the agent showing the caller's own number. Refused (409) when the offer is no longer
     * this agent's; 503 when Twilio did not move the call (the offer then stays open until it expires).
     */
    void accept(@NotNull UUID agentId, @NotNull(message = "An offerId is required") UUID offerId, @NotNull URI bridgeUrl);

    /** The agent declines an offer (counts as missed); false when it was not this agent's open offer. */
    boolean reject(@NotNull UUID agentId, @NotNull(message = "An offerId is required") UUID offerId);

    /** The department's queue snapshot message (protocol JSON). */
    String snapshot(@NotNull UUID departmentId);

    /** Snapshots of every department with callers queued (a new socket's first picture). */
    List<String> snapshots();

    /**
     * The current tenant's periodic work: offers that rang out move on, idle agents get waiting callers.
     * Safe to run on every node at once.
     */
    void sweep();
}
