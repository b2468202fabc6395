package com.voicecore.interfaces.admin.calls;

import com.voicecore.application.AgentService;
import com.voicecore.application.DepartmentService;
import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.department.Department;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant's departments and agents by id, for filters and for showing names instead of ids (one
 * look-up per request).
 */
@Named("callDirectory")
@RequestScoped
public class Directory {

    @Inject
    DepartmentService departmentService;

    @Inject
    AgentService agentService;

    private Map<UUID, String> departments;
    private Map<UUID, String> agents;

    public Map<UUID, String> getDepartments() {
        if (departments == null) {
            departments = new LinkedHashMap<>();
            for (Department d : departmentService.list()) {
                departments.put(d.id(), d.name());
            }
        }
        return departments;
    }

    public Map<UUID, String> getAgents() {
        if (agents == null) {
            agents = new LinkedHashMap<>();
            for (Agent a : agentService.list(Optional.empty())) {
                agents.put(a.id(), a.name());
            }
        }
        return agents;
    }

    public String department(UUID id) {
        return id == null ? "" : getDepartments().getOrDefault(id, "");
    }

    public String agent(UUID id) {
        return id == null ? "" : getAgents().getOrDefault(id, "");
    }
}
