package com.voicecore.application;

import com.voicecore.application.exception.DuplicateEntityException;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;

import java.util.Locale;
import java.util.Map;

/**
 * Turns a unique-constraint violation that slipped past a service's own check (two requests racing)
 * into the same answer the check would have given. Anything else is rethrown as it is.
 */
public final class DuplicateEntityExceptions {

    /** Constraint name fragment -> the request field it guards. */
    private static final Map<String, String> FIELDS = Map.of(
            "name", "name",
            "extension", "extension",
            "email", "email",
            "e164", "number");

    private DuplicateEntityExceptions() {
    }

    public static RuntimeException from(PersistenceException e, String what) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof ConstraintViolationException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ConstraintViolationException violation
                && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
            String constraint = String.valueOf(violation.getConstraintName()).toLowerCase(Locale.ROOT);
            String field = FIELDS.entrySet().stream().filter(f -> constraint.contains(f.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            return new DuplicateEntityException(field, "The " + what + " " + (field == null ? "value" : field)
                    + " is already taken in this tenant");
        }
        return e;
    }
}
