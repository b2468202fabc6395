package com.voicecore.application.internal;

import com.voicecore.application.KnowledgeCsv;
import com.voicecore.application.KnowledgeImportService;
import com.voicecore.application.KnowledgeService;
import com.voicecore.application.exception.BusinessException;
import com.voicecore.application.exception.ImportRefusedException;
import com.voicecore.domain.model.conversation.LanguageCode;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

@Stateless
public class DefaultKnowledgeImportService implements KnowledgeImportService {

    @Inject
    KnowledgeService knowledge;

    @Inject
    Validator validator;

    @Override
    public int importCsv(byte[] file) {
        List<KnowledgeCsv.Row> rows = KnowledgeCsv.parse(file);
        // every row is judged before anything is saved, so the admin sees all problems at once
        List<String> problems = new ArrayList<>();
        for (KnowledgeCsv.Row row : rows) {
            validator.validate(row.draft()).stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(ConstraintViolation::getMessage)
                    .forEach(m -> problems.add("Row " + row.number() + ": " + m));
            String language = row.draft().language();
            if (language != null && validator.validateProperty(row.draft(), "language").isEmpty()) {
                try {
                    LanguageCode.normalise(language);
                } catch (IllegalArgumentException e) {
                    problems.add("Row " + row.number() + ": " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRefusedException(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " in the file; nothing was imported", problems.size() <= 50 ? problems : problems.subList(0, 50));
        }
        for (KnowledgeCsv.Row row : rows) {
            try {
                knowledge.create(row.draft()); // joins this transaction: a refusal rolls back every row
            } catch (BusinessException e) {
                throw new ImportRefusedException("A row was refused; nothing was imported",
                        List.of("Row " + row.number() + ": " + e.getMessage()));
            }
        }
        return rows.size();
    }
}
