package com.voicecore.interfaces.rest.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The softphone's sign-in: the tenant, and the e-mail and password of the tenant user linked to an agent. */
public record AgentLoginRequest(
        @NotBlank(message = "tenantId is required") @Size(max = 36, message = "tenantId is an id") String tenantId,
        @NotBlank(message = "email is required") @Size(max = 254, message = "email has at most 254 characters") String email,
        @NotBlank(message = "password is required") @Size(max = 200, message = "password has at most 200 characters") String password) {

    @Override
    public String toString() {
        return "AgentLoginRequest[tenantId=" + tenantId + "]"; // never the password
    }
}
