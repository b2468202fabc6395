package com.voicecore.application;

import jakarta.validation.constraints.NotNull;

/**
 * Imports knowledge-base entries from a CSV file ({@link KnowledgeCsv}): all or nothing. Every row is
 * checked first (the file's shape, then each entry's rules); if any row is wrong the import is refused
 * with one message per wrong row ({@link com.voicecore.application.exception.ImportRefusedException})
 * and nothing is saved.
 */
public interface KnowledgeImportService {

    /** How many entries were added. */
    int importCsv(@NotNull(message = "Choose a CSV file") byte[] file);
}
