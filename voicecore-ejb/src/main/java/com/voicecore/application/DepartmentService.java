package com.voicecore.application;

import com.voicecore.domain.model.department.Department;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.UUID;

/** The current tenant's departments. */
public interface DepartmentService {

    Department create(@NotNull @Valid DepartmentDraft draft);

    Department update(@NotNull UUID id, @NotNull @Valid DepartmentDraft draft);

    Department get(@NotNull UUID id);

    List<Department> list();

    void delete(@NotNull UUID id);
}
