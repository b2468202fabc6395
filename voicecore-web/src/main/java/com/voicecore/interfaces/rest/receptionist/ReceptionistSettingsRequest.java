package com.voicecore.interfaces.rest.receptionist;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Replace the receptionist's settings; the default language must be one of {@code languages} (null: the first). */
public record ReceptionistSettingsRequest(
        @Size(max = 200, message = "A company name has at most 200 characters") String companyName,
        @NotBlank(message = "A greeting is needed") @Size(max = 1000, message = "A greeting has at most 1000 characters") String greeting,
        @NotEmpty(message = "A receptionist serves at least one language") @Size(max = 10, message = "At most 10 languages")
        List<@NotBlank(message = "A language code is needed") String> languages,
        String defaultLanguage,
        String voice,
        String transport) {
}
