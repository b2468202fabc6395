package com.voicecore.interfaces.rest.call;

import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.CallEvent;
import com.voicecore.domain.model.call.RouteStep;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One call as the API shows it; the history is included for a single call only. */
public record CallResponse(UUID id, String callSid, String direction, String from, String to, UUID departmentId,
                           UUID agentId, String status, List<RouteStep> route, Spam spam, Instant startedAt,
                           Instant answeredAt, Instant endedAt, int durationSeconds, Recording recording,
                           String transcript, String summary, int creditsUsed, List<StatusEntry> statusHistory,
                           boolean testCall) {

    public record Spam(Integer score, String action, List<String> reasons) {
    }

    public record Recording(String sid, String url, Integer durationSeconds) {
    }

    public record StatusEntry(String event, String status, Integer sequenceNumber, Instant occurredAt) {
    }

    static CallResponse of(Call c, List<CallEvent> history) {
        return new CallResponse(c.id(), c.twilioCallSid(), c.direction().name().toLowerCase(java.util.Locale.ROOT),
                c.fromNumber(), c.toNumber(), c.departmentId().orElse(null), c.agentId().orElse(null), c.status().code(),
                c.route(), new Spam(c.spamScore().orElse(null), c.spamAction().orElse(null), c.spamReasons()),
                c.startedAt(), c.answeredAt().orElse(null), c.endedAt().orElse(null), c.durationSeconds(),
                c.recordingSid().map(sid -> new Recording(sid, c.recordingUrl().orElse(null), c.recordingDurationSeconds().orElse(null)))
                        .orElse(null),
                c.transcript().orElse(null), c.summary().orElse(null), c.creditsUsed(),
                history == null ? null : history.stream()
                        .map(e -> new StatusEntry(e.event(), e.status(), e.sequenceNumber(), e.occurredAt())).toList(),
                c.isTestCall());
    }
}
