package com.voicecore.interfaces.admin.tenant;

import com.voicecore.application.AgentService;
import com.voicecore.application.DepartmentService;
import com.voicecore.application.TransferRuleDraft;
import com.voicecore.application.TransferRuleService;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.conversation.TransferRule;
import com.voicecore.domain.model.department.Department;
import com.voicecore.interfaces.admin.Messages;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The "Transfer rules" section of /tenant/receptionist.xhtml: callers who say one of a rule's
 * phrases are handed to its department, agent, department voicemail or customer service. The form's
 * target is one choice ("department:id", "voicemail:id", "agent:id", "operator"); every check is the
 * service's, so the console and the API refuse the same rules with the same messages.
 */
@Named
@ViewScoped
public class ManageTransferRules extends CompanyPage {

    public record Row(UUID id, String name, String description, String phrases, String target, String targetChoice, int position,
                      boolean active, boolean targetGone) implements Serializable {
    }

    @Inject
    TransferRuleService rules;

    @Inject
    DepartmentService departments;

    @Inject
    AgentService agents;

    private List<Row> rows;

    private UUID editing;

    @NotBlank(message = "A rule needs a name")
    @Size(max = TransferRule.MAX_NAME, message = "A rule's name has at most 100 characters")
    private String name;

    @Size(max = TransferRule.MAX_DESCRIPTION, message = "A description has at most 500 characters")
    private String description;

    @NotBlank(message = "A rule needs at least one phrase")
    @Size(max = 2100, message = "At most 20 phrases of 100 characters")
    private String phrases;

    @NotBlank(message = "Choose where the rule sends callers")
    private String target;

    @Min(value = 0, message = "The order is 0 to 9999")
    @Max(value = TransferRule.MAX_POSITION, message = "The order is 0 to 9999")
    private Integer position;

    public List<Row> getRows() {
        if (rows == null) {
            List<TransferRule> all = rules.list();
            Map<UUID, String> names = rules.targetNames(all);
            rows = all.stream().map(r -> row(r, Optional.ofNullable(names.get(r.id())))).toList();
        }
        return rows;
    }

    private static Row row(TransferRule r, Optional<String> targetName) {
        String where = switch (r.targetKind()) {
            case OPERATOR -> "customer service";
            case DEPARTMENT -> targetName.orElse("a deleted department");
            case AGENT -> targetName.orElse("a deleted agent");
            case VOICEMAIL -> "voicemail of " + targetName.orElse("a deleted department");
        };
        String choice = r.targetKind().code() + r.targetId().map(id -> ":" + id).orElse("");
        return new Row(r.id(), r.name(), r.description().orElse(""), String.join(", ", r.phrases()), where, choice, r.position(),
                r.isActive(), targetName.isEmpty());
    }

    /** Departments, their voicemails and agents, grouped, plus customer service. */
    public List<SelectItem> getTargets() {
        List<Department> deps = departments.list();
        List<SelectItem> out = new ArrayList<>();
        out.add(new SelectItem("operator", "Customer service (the reception)"));
        out.add(group("Departments", deps.stream().map(d -> new SelectItem("department:" + d.id(), d.name())).toList()));
        out.add(group("Department voicemail", deps.stream().map(d -> new SelectItem("voicemail:" + d.id(), "Voicemail of " + d.name()))
                .toList()));
        List<Agent> people = agents.list(Optional.empty());
        out.add(group("Agents", people.stream().map(a -> new SelectItem("agent:" + a.id(), a.name())).toList()));
        return out;
    }

    private static SelectItemGroup group(String label, List<SelectItem> items) {
        SelectItemGroup g = new SelectItemGroup(label);
        g.setSelectItems(items.toArray(new SelectItem[0]));
        return g;
    }

    /** The form's one button: adds a rule, or saves the one being edited. */
    public void save() {
        TransferRuleDraft draft;
        try {
            draft = draft();
        } catch (IllegalArgumentException e) {
            // a target choice that is not one the form offered
            Messages.refused(new InvalidValueException("target", "Choose where the rule sends callers"));
            return;
        }
        UUID id = editing;
        String verb = id == null ? "transfer-rule.added" : "transfer-rule.changed";
        if (attempt(() -> changes.change(actor(), verb, () -> id == null ? rules.add(draft) : rules.change(id, draft),
                TransferRule::name, ManageTransferRules::summary))) {
            Messages.info(id == null ? "Transfer rule added" : "Transfer rule saved");
            clearForm();
        }
    }

    private TransferRuleDraft draft() {
        String t = target == null ? "" : target.strip();
        int colon = t.indexOf(':');
        TransferRule.TargetKind kind = TransferRule.TargetKind.fromCode(colon < 0 ? t : t.substring(0, colon));
        UUID id = colon < 0 ? null : UUID.fromString(t.substring(colon + 1));
        return new TransferRuleDraft(name, blankToNull(description), TransferRule.splitPhrases(phrases), kind, id, position, null);
    }

    public void edit(Row row) {
        editing = row.id();
        name = row.name();
        description = row.description();
        phrases = row.phrases();
        target = row.targetChoice();
        position = row.position();
    }

    public void cancelEdit() {
        clearForm();
    }

    public void toggle(Row row) {
        boolean on = !row.active();
        if (attempt(() -> changes.change(actor(), on ? "transfer-rule.switched-on" : "transfer-rule.switched-off",
                () -> rules.switchRule(row.id(), on), TransferRule::name, ManageTransferRules::summary))) {
            Messages.info(on ? "Transfer rule switched on" : "Transfer rule switched off");
            rows = null;
        }
    }

    public void remove(Row row) {
        if (attempt(() -> changes.change(actor(), "transfer-rule.removed", row.name(), row.phrases() + " → " + row.target(),
                () -> rules.remove(row.id())))) {
            Messages.info("Transfer rule removed");
            if (row.id().equals(editing)) {
                clearForm();
            }
            rows = null;
        }
    }

    private void clearForm() {
        editing = null;
        name = null;
        description = null;
        phrases = null;
        target = null;
        position = null;
        rows = null;
    }

    private static String summary(TransferRule r) {
        return String.join(", ", r.phrases()) + " → " + r.targetKind().code() + r.targetId().map(id -> " " + id).orElse("")
                + ", order " + r.position() + (r.isActive() ? "" : ", off");
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

    public String getPhrases() {
        return phrases;
    }

    public void setPhrases(String phrases) {
        this.phrases = phrases;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public Integer getPosition() {
        return position;
    }

    public void setPosition(Integer position) {
        this.position = position;
    }
}
