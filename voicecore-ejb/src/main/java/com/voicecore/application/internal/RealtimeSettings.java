package com.voicecore.application.internal;

import com.voicecore.domain.model.queue.QueuePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The agent and queue timings, from MicroProfile Config (documented in docs/agents.md). */
@ApplicationScoped
public class RealtimeSettings {

    @Inject
    @ConfigProperty(name = "voicecore.agents.heartbeat-seconds", defaultValue = "30")
    int heartbeatSeconds;

    /** Heartbeats missed for this many intervals (at least 2.5) make an agent not available. */
    @Inject
    @ConfigProperty(name = "voicecore.agents.heartbeat-grace", defaultValue = "2.5")
    double heartbeatGrace;

    @Inject
    @ConfigProperty(name = "voicecore.agents.wrap-up-seconds", defaultValue = "30")
    int wrapUpSeconds;

    @Inject
    @ConfigProperty(name = "voicecore.queue.offer-seconds", defaultValue = "20")
    int offerSeconds;

    @Inject
    @ConfigProperty(name = "voicecore.queue.max-missed-offers", defaultValue = "3")
    int maxMissedOffers;

    @Inject
    @ConfigProperty(name = "voicecore.queue.max-wait-seconds", defaultValue = "600")
    int maxWaitSeconds;

    @Inject
    @ConfigProperty(name = "voicecore.queue.announce-seconds", defaultValue = "30")
    int announceSeconds;

    /** How long one turn of the caller's wait loop lasts (a Gather timeout before the next Redirect). */
    @Inject
    @ConfigProperty(name = "voicecore.queue.hold-seconds", defaultValue = "10")
    int holdSeconds;

    @Inject
    @ConfigProperty(name = "voicecore.queue.vip-bonus", defaultValue = "10")
    int vipBonus;

    @Inject
    @ConfigProperty(name = "voicecore.queue.repeat-caller-bonus", defaultValue = "5")
    int repeatCallerBonus;

    /** Calls from one number within a week that make it a repeat caller. */
    @Inject
    @ConfigProperty(name = "voicecore.queue.repeat-caller-calls", defaultValue = "3")
    int repeatCallerCalls;

    @Inject
    @ConfigProperty(name = "voicecore.queue.aging-seconds", defaultValue = "30")
    int agingSeconds;

    public Duration heartbeat() {
        return Duration.ofSeconds(Math.max(1, heartbeatSeconds));
    }

    /** Silence longer than this expires an agent. */
    public Duration heartbeatExpiry() {
        return Duration.ofMillis((long) (heartbeat().toMillis() * Math.max(2.5, heartbeatGrace)));
    }

    public Duration wrapUp() {
        return Duration.ofSeconds(Math.max(0, wrapUpSeconds));
    }

    public Duration offerRing() {
        return Duration.ofSeconds(Math.max(1, offerSeconds));
    }

    public int maxMissedOffers() {
        return Math.max(1, maxMissedOffers);
    }

    public Duration maxWait() {
        return Duration.ofSeconds(Math.max(1, maxWaitSeconds));
    }

    public Duration announceGap() {
        return Duration.ofSeconds(Math.max(0, announceSeconds));
    }

    public int holdSeconds() {
        return Math.max(1, Math.min(60, holdSeconds));
    }

    public int repeatCallerCalls() {
        return Math.max(1, repeatCallerCalls);
    }

    public QueuePolicy policy() {
        return new QueuePolicy(vipBonus, repeatCallerBonus, agingSeconds);
    }
}
