package com.voicecore.application.exception;

import jakarta.ejb.ApplicationException;

/**
 * A use case refused: the caller asked for something the rules do not allow. Rolls the transaction
 * back and reaches the edge unwrapped, where it becomes an RFC 9457 problem response.
 */
@ApplicationException(rollback = true)
public abstract class BusinessException extends RuntimeException {

    private final String field;

    protected BusinessException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, if one is. */
    public String field() {
        return field;
    }
}
