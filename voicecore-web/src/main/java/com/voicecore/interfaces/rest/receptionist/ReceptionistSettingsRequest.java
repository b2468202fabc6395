package com.voicecore.interfaces.rest.receptionist;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Replace the receptionist's settings. Languages: codes the receptionist speaks (en, es, de, fr, it,
 * pt, nl); the default must be one of them (null: the first). Voice: a Twilio voice name such as
 * Polly.Joanna, used for the default language. Transport: turn_based or realtime.
 */
public record ReceptionistSettingsRequest(
        @Size(max = 200, message = "A company name has at most 200 characters") String companyName,
        @NotBlank(message = "A greeting is needed") @Size(max = 1000, message = "A greeting has at most 1000 characters") String greeting,
        @NotEmpty(message = "A receptionist serves at least one language") @Size(max = 10, message = "At most 10 languages")
        List<@NotBlank(message = "A language code is needed")
             @Pattern(regexp = "[a-zA-Z]{2}(-[a-zA-Z]{2})?", message = "A language is a code like en or en-US") String> languages,
        @Pattern(regexp = "[a-zA-Z]{2}(-[a-zA-Z]{2})?", message = "A language is a code like en or en-US") String defaultLanguage,
        @Size(max = 50, message = "A voice name has at most 50 characters")
        @Pattern(regexp = "[A-Za-z0-9._-]*", message = "A voice is a name like Polly.Joanna") String voice,
        @Pattern(regexp = "turn_based|realtime", message = "The transport is turn_based or realtime") String transport) {
}
