package com.voicecore.domain.model.department;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's departments (the tenant comes from the context, never from a parameter). */
public interface DepartmentRepository {

    Optional<Department> find(UUID id);

    Optional<Department> findByName(String name);

    /** The department the operator (0) and the tenant-wide voicemail belong to. */
    Optional<Department> findReception();

    List<Department> findAll();

    void store(Department department);

    void remove(Department department);
}
