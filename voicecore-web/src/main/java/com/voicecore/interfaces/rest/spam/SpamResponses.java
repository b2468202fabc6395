package com.voicecore.interfaces.rest.spam;

import com.voicecore.domain.model.spam.SpamReport;
import com.voicecore.domain.model.spam.SpamRule;
import com.voicecore.domain.model.spam.SpamVerdict;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** What the spam endpoints answer. */
public final class SpamResponses {

    private SpamResponses() {
    }

    public record Rule(UUID id, String type, String value, String action, int weight, String description, boolean active) {
        static Rule of(SpamRule r) {
            return new Rule(r.id(), r.type().name().toLowerCase(Locale.ROOT), r.value(), r.action().name().toLowerCase(Locale.ROOT),
                    r.weight(), r.description().orElse(null), r.isActive());
        }
    }

    public record Report(UUID id, String number, String reason, UUID callId, Instant createdAt) {
        static Report of(SpamReport r) {
            return new Report(r.id(), r.number(), r.reason().orElse(null), r.callId().orElse(null), r.createdAt());
        }
    }

    public record Verdict(int score, String action, List<String> reasons) {
        static Verdict of(SpamVerdict v) {
            return new Verdict(v.score(), v.action().name().toLowerCase(Locale.ROOT), v.reasons());
        }
    }
}
