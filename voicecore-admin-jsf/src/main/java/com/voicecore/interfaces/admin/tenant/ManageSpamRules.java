package com.voicecore.interfaces.admin.tenant;

import com.voicecore.application.SpamRuleDraft;
import com.voicecore.application.SpamService;
import com.voicecore.domain.model.spam.SpamRule;
import com.voicecore.interfaces.admin.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * /tenant/spam.xhtml: the company's spam rules. A number rule (exact, or a prefix ending in *) with
 * "allow" is the allow list, with "block" the block list; pattern rules match the caller ID (RE2),
 * keyword rules what the caller says. Patterns are checked by the spam screen before they are stored,
 * added or edited alike. A rule switched off stays listed (marked off) but takes no part in screening.
 */
@Named
@ViewScoped
public class ManageSpamRules extends CompanyPage {

    public record Row(UUID id, String type, String value, String action, int weight, String description, boolean active)
            implements Serializable {
        static Row of(SpamRule r) {
            return new Row(r.id(), r.type().name().toLowerCase(Locale.ROOT), r.value(), r.action().name().toLowerCase(Locale.ROOT),
                    r.weight(), r.description().orElse(""), r.isActive());
        }
    }

    @Inject
    SpamService spam;

    private List<Row> rows;

    /** The rule the form edits; null while the form adds a new one. */
    private UUID editing;

    @NotNull(message = "Choose what the rule matches")
    private SpamRule.Type type = SpamRule.Type.NUMBER;

    @NotBlank(message = "A rule needs a value")
    @Size(max = 500, message = "A rule's value has at most 500 characters")
    private String value;

    @NotNull(message = "Choose what the rule does")
    private SpamRule.Action action = SpamRule.Action.BLOCK;

    @NotNull(message = "A weight 0 to 100 is needed")
    @Min(value = 0, message = "A weight is 0 to 100")
    @Max(value = 100, message = "A weight is 0 to 100")
    private Integer weight = 50;

    @Size(max = 200, message = "A description has at most 200 characters")
    private String description;

    public List<Row> getRows() {
        if (rows == null) {
            rows = spam.rules().stream().map(Row::of).toList();
        }
        return rows;
    }

    public List<Row> getAllowList() {
        return getRows().stream().filter(r -> r.type().equals("number") && r.action().equals("allow")).toList();
    }

    public List<Row> getBlockList() {
        return getRows().stream().filter(r -> r.type().equals("number") && r.action().equals("block")).toList();
    }

    /** The form's one button: adds a rule, or saves the one being edited. */
    public void save() {
        SpamRuleDraft draft = new SpamRuleDraft(type, value.strip(), action, weight, blankToNull(description));
        UUID id = editing;
        String verb = id == null ? "spam-rule.added" : "spam-rule.changed";
        if (attempt(() -> changes.change(actor(), verb, () -> id == null ? spam.addRule(draft) : spam.changeRule(id, draft),
                SpamRule::value, ManageSpamRules::summary))) {
            Messages.info(id == null ? "Rule added" : "Rule saved");
            clearForm();
        }
    }

    public void edit(Row row) {
        editing = row.id();
        type = SpamRule.Type.valueOf(row.type().toUpperCase(Locale.ROOT));
        value = row.value();
        action = SpamRule.Action.valueOf(row.action().toUpperCase(Locale.ROOT));
        weight = row.weight();
        description = row.description();
    }

    public void cancelEdit() {
        clearForm();
    }

    /** Switches a rule off (kept, but no longer screening) or back on. */
    public void toggle(Row row) {
        boolean on = !row.active();
        if (attempt(() -> changes.change(actor(), on ? "spam-rule.switched-on" : "spam-rule.switched-off",
                () -> spam.switchRule(row.id(), on), SpamRule::value, ManageSpamRules::summary))) {
            Messages.info(on ? "Rule switched on" : "Rule switched off");
            rows = null;
        }
    }

    public void remove(Row row) {
        if (attempt(() -> changes.change(actor(), "spam-rule.removed", row.value(), row.type() + " → " + row.action(),
                () -> spam.removeRule(row.id())))) {
            Messages.info("Rule removed");
            if (row.id().equals(editing)) {
                clearForm();
            }
            rows = null;
        }
    }

    private void clearForm() {
        editing = null;
        value = null;
        description = null;
        rows = null;
    }

    private static String summary(SpamRule r) {
        return r.type().name().toLowerCase(Locale.ROOT) + " → " + r.action().name().toLowerCase(Locale.ROOT) + ", weight " + r.weight()
                + (r.isActive() ? "" : ", off");
    }

    public boolean isEditing() {
        return editing != null;
    }

    public SpamRule.Type[] getTypes() {
        return SpamRule.Type.values();
    }

    public SpamRule.Action[] getActions() {
        return SpamRule.Action.values();
    }

    public SpamRule.Type getType() {
        return type;
    }

    public void setType(SpamRule.Type type) {
        this.type = type;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public SpamRule.Action getAction() {
        return action;
    }

    public void setAction(SpamRule.Action action) {
        this.action = action;
    }

    public Integer getWeight() {
        return weight;
    }

    public void setWeight(Integer weight) {
        this.weight = weight;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
