package com.voicecore.interfaces.rest.spam;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A rule: type number (exact, or a prefix ending in *), pattern (a regular expression on the caller
 * number) or keyword (what the caller says); action allow, flag, challenge or block; weight 0–100;
 * active false switches it off (absent: a new rule is on, a replaced one keeps its state).
 */
public record SpamRuleRequest(
        @NotBlank(message = "type is number, pattern or keyword") String type,
        @NotBlank(message = "A rule needs a value") @Size(max = 500, message = "At most 500 characters") String value,
        @NotBlank(message = "action is allow, flag, challenge or block") String action,
        @NotNull(message = "A weight 0-100 is required") @Min(value = 0, message = "At least 0") @Max(value = 100, message = "At most 100") Integer weight,
        @Size(max = 200, message = "At most 200 characters") String description,
        Boolean active) {
}
