package com.voicecore.interfaces.admin.tenant;

import com.voicecore.application.DepartmentDraft;
import com.voicecore.application.DepartmentService;
import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.shared.ExtensionRange;
import com.voicecore.interfaces.admin.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/** /tenant/departments.xhtml: list, create, edit and delete the company's departments. */
@Named
@ViewScoped
public class ManageDepartments extends CompanyPage {

    public record Row(UUID id, String name, String description, String extensions, boolean reception) implements Serializable {
        static Row of(Department d) {
            return new Row(d.id(), d.name(), d.description().orElse(""), d.extensions().map(Object::toString).orElse(""), d.isReception());
        }
    }

    @Inject
    DepartmentService departments;

    private List<Row> rows;
    private UUID editing;

    @NotBlank(message = "A department needs a name")
    @Size(max = 100, message = "A department name has at most 100 characters")
    private String name;

    @Size(max = 500, message = "A description has at most 500 characters")
    private String description;

    @Min(value = 10, message = "Extensions are 10 to 999999")
    @Max(value = 999_999, message = "Extensions are 10 to 999999")
    private Integer firstExtension;

    @Min(value = 10, message = "Extensions are 10 to 999999")
    @Max(value = 999_999, message = "Extensions are 10 to 999999")
    private Integer lastExtension;

    public List<Row> getRows() {
        if (rows == null) {
            rows = departments.list().stream().map(Row::of).toList();
        }
        return rows;
    }

    public void save() {
        if ((firstExtension == null) != (lastExtension == null)) {
            Messages.error("departmentForm:lastExtension", "Give both ends of the extension block, or neither");
            return;
        }
        if (firstExtension != null && firstExtension > lastExtension) {
            Messages.error("departmentForm:lastExtension", "The extension block must not end before it starts");
            return;
        }
        DepartmentDraft draft = new DepartmentDraft(name, description,
                firstExtension == null ? null : ExtensionRange.of(firstExtension, lastExtension));
        UUID id = editing;
        boolean saved = attempt(() -> changes.change(actor(), id == null ? "department.created" : "department.changed",
                () -> id == null ? departments.create(draft) : departments.update(id, draft), Department::name,
                d -> "extensions " + d.extensions().map(Object::toString).orElse("none")));
        if (saved) {
            Messages.info(id == null ? "Department '" + name + "' created" : "Department '" + name + "' saved");
            clear();
        }
    }

    public void edit(Row row) {
        editing = row.id();
        name = row.name();
        description = row.description();
        Department d = departments.get(row.id());
        firstExtension = d.extensions().map(r -> r.first().number()).orElse(null);
        lastExtension = d.extensions().map(r -> r.last().number()).orElse(null);
    }

    public void delete(Row row) {
        if (attempt(() -> changes.change(actor(), "department.deleted", row.name(), "", () -> departments.delete(row.id())))) {
            Messages.info("Department '" + row.name() + "' deleted");
            if (row.id().equals(editing)) {
                clear();
            }
            rows = null;
        }
    }

    public void clear() {
        editing = null;
        name = null;
        description = null;
        firstExtension = null;
        lastExtension = null;
        rows = null;
    }

    public boolean isEditing() {
        return editing != null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Integer getFirstExtension() {
        return firstExtension;
    }

    public void setFirstExtension(Integer firstExtension) {
        this.firstExtension = firstExtension;
    }

    public Integer getLastExtension() {
        return lastExtension;
    }

    public void setLastExtension(Integer lastExtension) {
        this.lastExtension = lastExtension;
    }
}
