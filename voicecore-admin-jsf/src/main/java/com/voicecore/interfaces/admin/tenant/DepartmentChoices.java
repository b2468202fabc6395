package com.voicecore.interfaces.admin.tenant;

import com.voicecore.application.DepartmentService;
import com.voicecore.domain.model.department.Department;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The company's departments as choices for the forms ({@code #{departmentChoices.items}}), values are ids as text. */
@Named
@RequestScoped
public class DepartmentChoices {

    @Inject
    DepartmentService departments;

    private List<Department> all;

    private List<Department> all() {
        if (all == null) {
            all = departments.list();
        }
        return all;
    }

    public List<SelectItem> getItems() {
        List<SelectItem> items = new ArrayList<>();
        for (Department d : all()) {
            items.add(new SelectItem(d.id().toString(), d.name()));
        }
        return items;
    }

    public Map<UUID, String> names() {
        return all().stream().collect(Collectors.toMap(Department::id, Department::name));
    }
}
