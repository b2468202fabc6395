package com.voicecore.interfaces.rest.department;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Create or replace a department. Extensions: both ends or neither, 2 to 6 digits. */
public record DepartmentRequest(
        @NotBlank(message = "A department needs a name") @Size(max = 100, message = "At most 100 characters") String name,
        @Size(max = 500, message = "At most 500 characters") String description,
        Integer extensionFrom,
        Integer extensionTo) {
}
