package com.voicecore.interfaces.rest.platform;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** POST /api/v1/platform/tenants. Only name and adminEmail are required; the rest have defaults. */
public record CreateTenantRequest(
        @NotBlank(message = "A tenant needs a name") @Size(max = 200, message = "At most 200 characters") String name,
        @Size(max = 253, message = "At most 253 characters")
        @Pattern(regexp = "[a-zA-Z0-9.-]+", message = "A domain has letters, digits, dots and hyphens only") String domain,
        @NotBlank(message = "A first administrator's e-mail is required") @Email(message = "Not an e-mail address")
        @Size(max = 254) String adminEmail,
        @Size(max = 200, message = "At most 200 characters") String adminName,
        @Size(max = 64) String timeZone,
        @Size(max = 10, message = "At most 10 languages")
        List<@Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?", message = "A language is a code like en or es-MX") String> languages,
        @Size(max = 9, message = "At most 9 departments to start with")
        List<@NotBlank @Size(max = 100, message = "At most 100 characters") String> departments,
        @Size(max = 40) String planCode,
        @Min(value = 0, message = "Cannot be negative") @Max(value = 10_000_000, message = "Too large") Integer includedMinutes) {
}
