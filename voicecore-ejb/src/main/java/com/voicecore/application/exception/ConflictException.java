package com.voicecore.application.exception;

import jakarta.ejb.ApplicationException;

/** The request does not fit the entity's state (transferring a call that has ended). */
@ApplicationException(rollback = true)
public class ConflictException extends BusinessException {

    public ConflictException(String field, String message) {
        super(field, message);
    }
}
