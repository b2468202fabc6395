package com.voicecore.interfaces.rest.spam;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Reports a caller number as spam; several tenants reporting one number puts it on the platform list. */
public record SpamReportRequest(
        @NotBlank(message = "The number to report is required") @Size(max = 32, message = "At most 32 characters") String number,
        @Size(max = 500, message = "At most 500 characters") String reason,
        String callId) {
}
