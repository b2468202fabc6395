package com.voicecore.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The receptionist's settings as an integrator writes them. {@code defaultLanguage} must be one of
 * {@code languages} (null: the first); every language must be one the receptionist can speak.
 */
public record ReceptionistSettingsDraft(
        @Size(max = 200, message = "A company name has at most 200 characters") String companyName,
        @NotBlank(message = "A greeting is needed") @Size(max = 1000, message = "A greeting has at most 1000 characters")
        String greeting,
        @NotEmpty(message = "A receptionist serves at least one language") @Size(max = 10, message = "At most 10 languages")
        List<@NotBlank @Pattern(regexp = "[a-zA-Z]{2}(-[a-zA-Z]{2})?", message = "A language is a code like en or en-US") String> languages,
        @Pattern(regexp = "[a-zA-Z]{2}(-[a-zA-Z]{2})?", message = "A language is a code like en or en-US") String defaultLanguage,
        @Size(max = 50, message = "A voice name has at most 50 characters")
        @Pattern(regexp = "[A-Za-z0-9._-]*", message = "A voice is a name like Polly.Joanna") String voice,
        @Pattern(regexp = "turn_based|realtime", message = "The transport is turn_based or realtime") String transport) {
}
