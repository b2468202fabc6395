package com.voicecore.application.exception;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * A file import refused as a whole: every problem found, one line each ("Row 3: An answer is needed"),
 * so the admin can fix the file in one go. Nothing of the file was saved.
 */
@ApplicationException(rollback = true)
public class ImportRefusedException extends BusinessException {

    private final List<String> problems;

    public ImportRefusedException(String summary, List<String> problems) {
        super("file", summary);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
