package com.voicecore.interfaces.rest.receptionist;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Create or replace a knowledge-base entry. Language: a code like en or es-ES (default en); priority 0–100 (default 0). */
public record KnowledgeRequest(
        @NotBlank(message = "A question is needed") @Size(max = 2000, message = "A question has at most 2000 characters")
        String question,
        @NotBlank(message = "An answer is needed") @Size(max = 4000, message = "An answer has at most 4000 characters")
        String answer,
        @Size(max = 2000, message = "Keywords have at most 2000 characters")
        String keywords,
        @Size(max = 100, message = "A category has at most 100 characters")
        String category,
        @Pattern(regexp = "[a-zA-Z]{2}(-[a-zA-Z]{2})?", message = "A language is a code like en or en-US")
        String language,
        @Min(value = 0, message = "Priority is between 0 and 100") @Max(value = 100, message = "Priority is between 0 and 100")
        Integer priority,
        Boolean active) {
}
