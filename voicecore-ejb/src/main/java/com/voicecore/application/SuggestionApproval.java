package com.voicecore.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * How an admin publishes a suggestion: an answer (else the draft), a category and priority for the
 * new entry; or {@code attachTo} an existing entry, which then learns the caller's wording.
 */
public record SuggestionApproval(
        @Size(max = 4000, message = "An answer has at most 4000 characters") String answer,
        @Size(max = 100, message = "A category has at most 100 characters") String category,
        @Min(value = 0, message = "Priority is between 0 and 100") @Max(value = 100, message = "Priority is between 0 and 100")
        Integer priority,
        UUID attachTo) {
}
