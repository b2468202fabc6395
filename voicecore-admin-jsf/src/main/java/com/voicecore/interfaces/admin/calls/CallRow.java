package com.voicecore.interfaces.admin.calls;

import com.voicecore.domain.model.call.Call;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One line of the call log as the page shows it (no entity kept in the view). */
public record CallRow(UUID id, Instant startedAt, String direction, String from, String to, String status,
                      UUID departmentId, UUID agentId, int durationSeconds, Integer spamScore, int creditsUsed,
                      boolean testCall) implements Serializable {

    static CallRow of(Call c) {
        return new CallRow(c.id(), c.startedAt(), c.direction().code(), c.fromNumber(), c.toNumber(), c.status().code(),
                c.departmentId().orElse(null), c.agentId().orElse(null), c.durationSeconds(), c.spamScore().orElse(null),
                c.creditsUsed(), c.isTestCall());
    }
}
