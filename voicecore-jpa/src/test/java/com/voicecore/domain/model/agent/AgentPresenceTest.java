package com.voicecore.domain.model.agent;

import com.voicecore.domain.model.shared.EmailAddress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The presence rules the agent keeps: offers, calls, wrap-up, heartbeat expiry, missed offers. */
class AgentPresenceTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private static Agent agent() {
        return new Agent("Pat Presence", new EmailAddress("pat@example.com"), null, null);
    }

    @Test
    void anOfferTakenMakesTheAgentBusyAndTheWrapUpEndsInAvailable() {
        Agent a = agent();
        assertTrue(a.choose(AgentStatus.AVAILABLE, T0, PresenceReason.AGENT));
        long v = a.presenceVersion();
        a.offer(T0.plusSeconds(1));
        assertEquals(AgentActivity.OFFERED, a.activity());
        a.acceptCall(T0.plusSeconds(2));
        assertEquals(AgentStatus.BUSY, a.status());
        assertEquals(AgentActivity.ON_CALL, a.activity());
        assertThrows(PresenceStateException.class, () -> a.choose(AgentStatus.AVAILABLE, T0.plusSeconds(3), PresenceReason.AGENT),
                "no status change mid-call");
        a.endCall(T0.plusSeconds(60), Duration.ofSeconds(30));
        assertEquals(AgentActivity.WRAP_UP, a.activity());
        assertFalse(a.finishWrapUpIfDue(T0.plusSeconds(89)));
        assertTrue(a.finishWrapUpIfDue(T0.plusSeconds(90)));
        assertEquals(AgentStatus.AVAILABLE, a.status());
        assertEquals(AgentActivity.IDLE, a.activity());
        assertEquals(PresenceReason.WRAP_UP_DONE, a.presence().reason());
        assertEquals(v + 4, a.presenceVersion(), "each change has its own version");
    }

    @Test
    void missedOffersInARowSetTheAgentNotAvailable() {
        Agent a = agent();
        a.choose(AgentStatus.AVAILABLE, T0, PresenceReason.AGENT);
        a.offer(T0);
        a.missOffer(T0.plusSeconds(20), 2);
        assertEquals(AgentStatus.AVAILABLE, a.status());
        assertEquals(T0.plusSeconds(20), a.activitySince(), "back at the end of the idle line");
        a.offer(T0.plusSeconds(21));
        a.missOffer(T0.plusSeconds(41), 2);
        assertEquals(AgentStatus.NOT_AVAILABLE, a.status());
        assertEquals(PresenceReason.MISSED_OFFERS, a.presence().reason());
        assertThrows(PresenceStateException.class, () -> a.offer(T0.plusSeconds(42)));
    }

    @Test
    void silenceExpiresOnlyAgentsWhoseClientKeepsThemAndNeverMidCall() {
        Agent client = agent();
        client.choose(AgentStatus.AVAILABLE, T0, PresenceReason.AGENT);
        client.heartbeat(T0.plusSeconds(30));
        assertFalse(client.expireIfSilentSince(T0.plusSeconds(30), T0.plusSeconds(100)), "heard from at the cut-off");
        assertTrue(client.expireIfSilentSince(T0.plusSeconds(31), T0.plusSeconds(100)));
        assertEquals(AgentStatus.NOT_AVAILABLE, client.status());
        assertEquals(PresenceReason.HEARTBEAT_EXPIRED, client.presence().reason());

        Agent api = agent();
        api.choose(AgentStatus.AVAILABLE, T0, PresenceReason.API);
        assertFalse(api.expireIfSilentSince(T0.plusSeconds(3600), T0.plusSeconds(3600)), "API-managed presence does not expire");

        Agent onCall = agent();
        onCall.choose(AgentStatus.AVAILABLE, T0, PresenceReason.AGENT);
        onCall.offer(T0);
        onCall.acceptCall(T0);
        assertFalse(onCall.expireIfSilentSince(T0.plusSeconds(3600), T0.plusSeconds(3600)));
    }
}
