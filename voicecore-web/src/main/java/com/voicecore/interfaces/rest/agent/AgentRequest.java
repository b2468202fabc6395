package com.voicecore.interfaces.rest.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Create or replace an agent. The extension is digits ("101"); status is optional; phoneNumber (E.164) rings that phone instead of the softphone. */
public record AgentRequest(
        @NotBlank(message = "An agent needs a name") @Size(max = 200, message = "At most 200 characters") String name,
        @NotBlank(message = "An agent needs an e-mail address") @Size(max = 254) String email,
        @Size(max = 36) String departmentId,
        @Size(max = 6, message = "At most 6 digits") String extension,
        @Size(max = 20) String status,
        @Size(max = 16, message = "At most 16 characters") String phoneNumber) {
}
