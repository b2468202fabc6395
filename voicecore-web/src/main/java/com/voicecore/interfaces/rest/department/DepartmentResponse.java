package com.voicecore.interfaces.rest.department;

import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.shared.ExtensionRange;

import java.time.Instant;
import java.util.UUID;

public record DepartmentResponse(UUID id, String name, String description, boolean reception,
                                 Integer extensionFrom, Integer extensionTo, Instant createdAt, Instant updatedAt) {

    static DepartmentResponse of(Department d) {
        ExtensionRange range = d.extensions().orElse(null);
        return new DepartmentResponse(d.id(), d.name(), d.description().orElse(null), d.isReception(),
                range == null ? null : range.first().number(), range == null ? null : range.last().number(),
                d.createdAt(), d.updatedAt());
    }
}
