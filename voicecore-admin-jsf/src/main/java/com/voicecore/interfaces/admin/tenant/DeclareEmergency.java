package com.voicecore.interfaces.admin.tenant;

import com.voicecore.application.DepartmentService;
import com.voicecore.application.ScheduleService;
import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.schedule.EmergencyMode;
import com.voicecore.domain.model.schedule.OpeningState;
import com.voicecore.interfaces.admin.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * /tenant/hours.xhtml: whether the company and each department take calls now and why, and the
 * emergency override (force open or closed, or back to the hours), evaluated emergency → holiday →
 * closed → open by the call router.
 */
@Named
@ViewScoped
public class DeclareEmergency extends CompanyPage {

    public record Row(String scope, String name, String state) implements Serializable {
    }

    @Inject
    ScheduleService schedules;

    @Inject
    DepartmentService departments;

    private static final String ROWS = DeclareEmergency.class.getName() + ".rows";

    /** Empty: the company's hours; else a department's id. */
    private String scope;

    @NotBlank(message = "Choose open, closed or back to the hours")
    @Pattern(regexp = "open|closed|clear", message = "Choose open, closed or back to the hours")
    private String mode = "clear";

    /** Read once per request: other forms of the page (the hours, the holidays) change what applies now. */
    @SuppressWarnings("unchecked")
    public List<Row> getRows() {
        return (List<Row>) FacesContext.getCurrentInstance().getAttributes().computeIfAbsent(ROWS, k -> {
            List<Row> list = new ArrayList<>();
            list.add(new Row("", "Company hours", describe(schedules.stateNow(Optional.empty()))));
            for (Department d : departments.list()) {
                list.add(new Row(d.id().toString(), d.name(), describe(schedules.stateNow(Optional.of(d.id())))));
            }
            return list;
        });
    }

    public void declare() {
        Optional<UUID> department = id(scope);
        Optional<EmergencyMode> chosen = "clear".equals(mode) ? Optional.empty()
                : Optional.of("open".equals(mode) ? EmergencyMode.OPEN : EmergencyMode.CLOSED);
        String scopeName = department.map(id -> departments.get(id).name()).orElse("Company hours");
        boolean saved = attempt(() -> changes.change(actor(), chosen.isPresent() ? "hours.emergency-declared" : "hours.emergency-cleared",
                () -> schedules.declareEmergency(department, chosen), s -> scopeName, DeclareEmergency::describe));
        if (saved) {
            Messages.info(scopeName + ": " + (chosen.isPresent() ? "emergency override set" : "back to the business hours"));
            FacesContext.getCurrentInstance().getAttributes().remove(ROWS);
        }
    }

    static String describe(OpeningState state) {
        return switch (state.kind()) {
            case OPEN -> "open (within the hours)";
            case CLOSED_HOURS -> "closed (outside the hours)";
            case CLOSED_HOLIDAY -> "closed for a holiday: " + state.holidayName().orElse("");
            case EMERGENCY_OPEN -> "open (emergency override)";
            case EMERGENCY_CLOSED -> "closed (emergency override)";
        };
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }
}
