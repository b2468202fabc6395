package com.voicecore.application.internal;

import com.voicecore.application.exception.DuplicateEntityException;
import com.voicecore.application.exception.EntityInUseException;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a constraint the database enforced, after a service's own check had passed (two requests
 * racing, or a rule only the database checks), into the answer the check would have given. Anything
 * else is rethrown as it is. Batched statements hide the violation behind the batch's next exception,
 * so the whole chain is searched for PostgreSQL's SQLSTATE.
 */
final class ConstraintViolations {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");

    /** Unique constraints (db/V1) -> the request field each guards. */
    private static final Map<String, String> FIELDS = Map.of(
            "departments_tenant_name_uq", "name",
            "agents_tenant_id_extension_key", "extension",
            "agents_tenant_email_uq", "email",
            "tenant_users_tenant_email_uq", "email",
            "phone_numbers_e164_key", "number",
            "tenants_domain_key", "domain");

    private ConstraintViolations() {
    }

    static RuntimeException duplicateOr(PersistenceException e, String what) {
        return find(e, UNIQUE_VIOLATION).<RuntimeException>map(violation -> {
            String field = constraint(violation).map(FIELDS::get).orElse(null);
            return new DuplicateEntityException(field, "The " + what + " " + (field == null ? "value" : field)
                    + " is already taken in this tenant");
        }).orElse(e);
    }

    static RuntimeException inUseOr(PersistenceException e, String message) {
        return find(e, FOREIGN_KEY_VIOLATION).<RuntimeException>map(v -> new EntityInUseException(message)).orElse(e);
    }

    private static Optional<String> constraint(SQLException violation) {
        Matcher m = CONSTRAINT.matcher(String.valueOf(violation.getMessage()));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<SQLException> find(Throwable e, String sqlState) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (sqlState.equals(s.getSQLState())) {
                        return Optional.of(s);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
