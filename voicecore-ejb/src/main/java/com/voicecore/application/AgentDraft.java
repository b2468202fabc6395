package com.voicecore.application;

import com.voicecore.domain.model.agent.AgentStatus;
import com.voicecore.domain.model.shared.EmailAddress;
import com.voicecore.domain.model.shared.Extension;
import com.voicecore.domain.model.shared.PhoneNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * An agent as a client describes it; status is optional (null leaves it as it is). A phone number
 * makes calls ring that phone instead of the agent's softphone.
 */
public record AgentDraft(
        @NotBlank(message = "An agent needs a name") @Size(max = 200, message = "An agent name has at most 200 characters")
        String name,
        @NotNull(message = "An agent needs an e-mail address")
        EmailAddress email,
        UUID departmentId,
        Extension extension,
        AgentStatus status,
        PhoneNumber phoneNumber) {
}
