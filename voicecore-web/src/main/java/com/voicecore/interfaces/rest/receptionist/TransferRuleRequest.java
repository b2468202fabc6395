package com.voicecore.interfaces.rest.receptionist;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A transfer rule: callers who say one of {@code phrases} (whole words, case, accents and punctuation
 * ignored) go to {@code target}: department, agent or voicemail (of the department {@code targetId}),
 * or operator (customer service, no targetId). {@code position}: rules are tried in ascending order
 * (absent: a new rule goes last, a replaced one keeps its place); {@code active} false switches it off
 * (absent: a new rule is on, a replaced one keeps its state).
 */
public record TransferRuleRequest(
        @NotBlank(message = "A transfer rule needs a name") @Size(max = 100, message = "At most 100 characters") String name,
        @Size(max = 500, message = "At most 500 characters") String description,
        @NotEmpty(message = "At least one phrase is required") @Size(max = 20, message = "At most 20 phrases")
        List<@NotBlank(message = "A phrase cannot be blank") @Size(max = 100, message = "A phrase has at most 100 characters") String> phrases,
        @NotBlank(message = "target is department, agent, voicemail or operator") String target,
        String targetId,
        @Min(value = 0, message = "At least 0") @Max(value = 9999, message = "At most 9999") Integer position,
        Boolean active) {
}
