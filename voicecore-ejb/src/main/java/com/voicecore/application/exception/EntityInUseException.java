package com.voicecore.application.exception;

import jakarta.ejb.ApplicationException;

/** The entity cannot go while others depend on it (a department that still has agents). */
@ApplicationException(rollback = true)
public class EntityInUseException extends BusinessException {

    public EntityInUseException(String message) {
        super(null, message);
    }
}
