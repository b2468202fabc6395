package com.voicecore.application;

import com.voicecore.domain.model.shared.EmailAddress;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.ZoneId;
import java.util.List;

/** What the platform asks for when it signs up a company. */
public record NewTenant(
        @NotBlank(message = "A tenant needs a name") @Size(max = 200, message = "A tenant name has at most 200 characters")
        String name,
        @Size(max = 253, message = "A domain has at most 253 characters")
        String domain,
        @NotNull(message = "A tenant needs a first administrator's e-mail")
        EmailAddress adminEmail,
        @NotBlank(message = "The administrator needs a name") @Size(max = 200)
        String adminName,
        @NotNull
        ZoneId timeZone,
        @NotEmpty(message = "A receptionist serves at least one language")
        List<@NotBlank String> languages,
        @NotEmpty(message = "A tenant starts with at least one department")
        List<@NotBlank @Size(max = 100) String> departments,
        @NotBlank
        String planCode,
        @Min(value = 0, message = "Included minutes cannot be negative")
        int includedMinutes) {
}
