package com.voicecore.interfaces.admin.tenant;

import com.voicecore.application.KnowledgeService;
import com.voicecore.application.SuggestionApproval;
import com.voicecore.domain.model.knowledge.KnowledgeEntry;
import com.voicecore.domain.model.knowledge.KnowledgeSuggestion;
import com.voicecore.interfaces.admin.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * /tenant/suggestions.xhtml: questions callers asked that nothing answered. Approving publishes one as
 * an entry with the admin's answer (else the drafted one); rejecting drops it.
 */
@Named
@ViewScoped
public class ReviewSuggestions extends CompanyPage {

    public record Row(UUID id, String question, String language, String suggestedAnswer, int occurrences) implements Serializable {
    }

    @Inject
    KnowledgeService knowledge;

    private List<Row> rows;
    /** The answer typed for each suggestion, by id (a row's own text area). */
    private final Map<UUID, String> answers = new HashMap<>();

    public List<Row> getRows() {
        if (rows == null) {
            rows = knowledge.suggestions(KnowledgeSuggestion.Status.PENDING, 200).stream()
                    .map(s -> new Row(s.id(), s.question(), s.language(), s.suggestedAnswer().orElse(""), s.occurrences())).toList();
            rows.forEach(r -> answers.putIfAbsent(r.id(), r.suggestedAnswer()));
        }
        return rows;
    }

    public void approve(Row row) {
        String answer = blankToNull(answers.get(row.id()));
        if (answer == null) {
            Messages.error(null, "Write the answer the receptionist should give before approving");
            return;
        }
        if (answer.length() > 4000) {
            Messages.error(null, "An answer has at most 4000 characters");
            return;
        }
        if (attempt(() -> changes.change(actor(), "suggestion.approved",
                () -> knowledge.approve(row.id(), new SuggestionApproval(answer, null, null, null)), KnowledgeEntry::question,
                e -> "published as an entry in " + e.language()))) {
            Messages.info("Published: the receptionist now answers '" + row.question() + "'");
            rows = null;
        }
    }

    public void reject(Row row) {
        if (attempt(() -> changes.change(actor(), "suggestion.rejected", () -> knowledge.reject(row.id()), KnowledgeSuggestion::question,
                s -> s.language()))) {
            Messages.info("Rejected");
            rows = null;
        }
    }

    public Map<UUID, String> getAnswers() {
        return answers;
    }
}
