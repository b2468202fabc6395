package com.voicecore.interfaces.admin.tenant;

import com.voicecore.application.PhoneNumberDraft;
import com.voicecore.application.TelephonyService;
import com.voicecore.domain.model.phone.TenantPhoneNumber;
import com.voicecore.domain.model.shared.PhoneNumber;
import com.voicecore.interfaces.admin.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** /tenant/numbers.xhtml: the phone numbers pointed at VoiceCore, each optionally dedicated to a department. */
@Named
@ViewScoped
public class ManagePhoneNumbers extends CompanyPage {

    public record Row(UUID id, String number, String departmentId, String department, String label) implements Serializable {
    }

    @Inject
    TelephonyService telephony;

    @Inject
    DepartmentChoices departmentChoices;

    private List<Row> rows;
    private UUID editing;

    @NotBlank(message = "Enter the phone number")
    @Pattern(regexp = Patterns.PHONE, message = Patterns.PHONE_MESSAGE)
    private String number;

    private String departmentId;

    @Size(max = 100, message = "A label has at most 100 characters")
    private String label;

    public List<Row> getRows() {
        if (rows == null) {
            Map<UUID, String> names = departmentChoices.names();
            rows = telephony.numbers().stream().map(n -> new Row(n.id(), n.number().e164(),
                    n.departmentId().map(UUID::toString).orElse(null), n.departmentId().map(names::get).orElse("any (the receptionist decides)"),
                    n.label().orElse(""))).toList();
        }
        return rows;
    }

    public void save() {
        PhoneNumberDraft draft = new PhoneNumberDraft(new PhoneNumber(number), id(departmentId).orElse(null), blankToNull(label));
        UUID id = editing;
        boolean saved = attempt(() -> changes.change(actor(), id == null ? "number.added" : "number.changed",
                () -> id == null ? telephony.addNumber(draft) : telephony.updateNumber(id, draft), n -> n.number().e164(),
                n -> "department " + n.departmentId().map(departmentChoices.names()::get).orElse("none")));
        if (saved) {
            Messages.info(id == null ? number + " added" : number + " saved");
            clear();
        }
    }

    public void edit(Row row) {
        editing = row.id();
        number = row.number();
        departmentId = row.departmentId();
        label = row.label();
    }

    public void remove(Row row) {
        if (attempt(() -> changes.change(actor(), "number.removed", row.number(), "", () -> telephony.removeNumber(row.id())))) {
            Messages.info(row.number() + " removed");
            if (row.id().equals(editing)) {
                clear();
            }
            rows = null;
        }
    }

    public void clear() {
        editing = null;
        number = null;
        departmentId = null;
        label = null;
        rows = null;
    }

    public boolean isEditing() {
        return editing != null;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(String departmentId) {
        this.departmentId = departmentId;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
