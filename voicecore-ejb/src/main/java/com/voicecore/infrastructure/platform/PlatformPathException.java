package com.voicecore.infrastructure.platform;

import java.sql.SQLException;

/** A platform function failed; carries PostgreSQL's SQLSTATE so callers can tell a conflict from a fault. */
public class PlatformPathException extends RuntimeException {

    private final String sqlState;

    public PlatformPathException(SQLException cause) {
        super(cause.getMessage(), cause);
        this.sqlState = cause.getSQLState();
    }

    public boolean isUniqueViolation() {
        return "23505".equals(sqlState);
    }
}
