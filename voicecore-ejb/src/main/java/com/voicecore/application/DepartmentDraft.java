package com.voicecore.application;

import com.voicecore.domain.model.shared.ExtensionRange;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A department as a client describes it (to create one, or to replace one's details). */
public record DepartmentDraft(
        @NotBlank(message = "A department needs a name") @Size(max = 100, message = "A department name has at most 100 characters")
        String name,
        @Size(max = 500, message = "A description has at most 500 characters")
        String description,
        ExtensionRange extensions) {
}
