package com.voicecore.application.internal;

import com.voicecore.application.exception.DuplicateEntityException;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a unique-constraint violation that slipped past a service's own check (two requests racing,
 * or a rule only the database checks) into the answer the check would have given. Anything else is
 * rethrown as it is. Batched inserts hide the violation behind the batch's next exception, so the
 * whole chain is searched for PostgreSQL's SQLSTATE 23505.
 */
final class DuplicateEntityExceptions {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final Pattern CONSTRAINT = Pattern.compile("unique constraint \"([^\"]+)\"");

    /** Constraint name fragment -> the request field it guards. */
    private static final Map<String, String> FIELDS = Map.of(
            "name", "name",
            "extension", "extension",
            "email", "email",
            "e164", "number",
            "domain", "domain");

    private DuplicateEntityExceptions() {
    }

    static RuntimeException from(PersistenceException e, String what) {
        return uniqueViolation(e).<RuntimeException>map(violation -> {
            Matcher m = CONSTRAINT.matcher(String.valueOf(violation.getMessage()));
            String constraint = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
            String field = FIELDS.entrySet().stream().filter(f -> constraint.contains(f.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            return new DuplicateEntityException(field, "The " + what + " " + (field == null ? "value" : field)
                    + " is already taken in this tenant");
        }).orElse(e);
    }

    private static Optional<SQLException> uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState()) && s.getMessage().contains("constraint")) {
                        return Optional.of(s);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
