package com.voicecore.domain.model.spam;

import java.util.List;
import java.util.Objects;

/**
 * The screening policy's answer for one call: a score (0 = clean, 100 = certainly spam), the reasons
 * in words a tenant can read in the call log, and the action.
 */
public record SpamVerdict(int score, List<String> reasons, SpamAction action) {

    public static final int MAX_SCORE = 100;

    /**
     * From this score a call counts as spam in the call log and statistics even when it is let
     * through: one flag rule of weight 20 or more does it, a withheld number alone (15) does not.
     */
    public static final int FLAG_AT = 20;

    /** The reason that marks an allow-listed caller; later verdicts on the same call keep it allowed. */
    public static final String ALLOW_LISTED = "on the tenant's allow list";

    public SpamVerdict {
        if (score < 0 || score > MAX_SCORE) {
            throw new IllegalArgumentException("A spam score is 0 to 100");
        }
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        Objects.requireNonNull(action, "action");
    }

    /** Blocked, challenged, or let through with a score high enough to be flagged. */
    public boolean isSpam() {
        return action != SpamAction.ALLOW || score >= FLAG_AT;
    }

    public boolean isAllowListed() {
        return action == SpamAction.ALLOW && reasons.contains(ALLOW_LISTED);
    }
}
