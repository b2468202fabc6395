package com.voicecore.application.internal;

import com.voicecore.application.DepartmentDraft;
import com.voicecore.application.DepartmentService;
import com.voicecore.application.exception.DuplicateEntityException;
import com.voicecore.application.exception.EntityInUseException;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.agent.AgentRepository;
import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.department.DepartmentRepository;
import com.voicecore.domain.model.shared.ExtensionRange;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.util.List;
import java.util.UUID;

@Stateless
public class DefaultDepartmentService implements DepartmentService {

    @Inject
    DepartmentRepository departments;

    @Inject
    AgentRepository agents;

    @Override
    public Department create(DepartmentDraft draft) {
        Department department = new Department(draft.name(), draft.description(), null, false);
        applyExtensions(department, draft.extensions());
        checkNameFree(department, draft.name());
        return store(department);
    }

    @Override
    public Department update(UUID id, DepartmentDraft draft) {
        Department department = get(id);
        checkNameFree(department, draft.name());
        department.rename(draft.name());
        department.describe(draft.description());
        applyExtensions(department, draft.extensions());
        for (Agent agent : agents.findByDepartment(id)) {
            agent.extension().filter(ext -> !department.admits(ext)).ifPresent(ext -> {
                throw new InvalidValueException("extensions", "Agent " + agent.name() + " has extension " + ext
                        + ", outside the new range " + draft.extensions());
            });
        }
        return store(department);
    }

    @Override
    public Department get(UUID id) {
        return departments.find(id).orElseThrow(() -> new UnknownEntityException("department", id));
    }

    @Override
    public List<Department> list() {
        return departments.findAll();
    }

    @Override
    public void delete(UUID id) {
        Department department = get(id);
        if (department.isReception()) {
            throw new EntityInUseException("The reception department receives every call no other rule takes;"
                    + " it cannot be deleted");
        }
        long members = agents.countByDepartment(id);
        String inUse = "Department '" + department.name() + "' still has agents; move or delete them first";
        if (members > 0) {
            throw new EntityInUseException(inUse);
        }
        try {
            departments.remove(department);
        } catch (PersistenceException e) {
            throw ConstraintViolations.inUseOr(e, inUse); // an agent joined it meanwhile
        }
    }

    private void applyExtensions(Department department, ExtensionRange range) {
        department.assignExtensions(range);
        departments.findAll().stream().filter(department::sharesExtensionsWith).findFirst().ifPresent(other -> {
            throw new InvalidValueException("extensions", "Extensions " + range + " overlap those of '"
                    + other.name() + "' (" + other.extensions().orElseThrow() + ")");
        });
    }

    private void checkNameFree(Department department, String name) {
        departments.findByName(name).filter(other -> !other.equals(department)).ifPresent(other -> {
            throw new DuplicateEntityException("name", "A department named '" + other.name() + "' already exists");
        });
    }

    private Department store(Department department) {
        try {
            departments.store(department);
            return department;
        } catch (PersistenceException e) {
            throw ConstraintViolations.duplicateOr(e, "department");
        }
    }
}
