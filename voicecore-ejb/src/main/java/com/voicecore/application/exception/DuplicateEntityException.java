package com.voicecore.application.exception;

import jakarta.ejb.ApplicationException;

/** The value must be unique in the tenant (a department name, an extension, an e-mail) and is taken. */
@ApplicationException(rollback = true)
public class DuplicateEntityException extends BusinessException {

    public DuplicateEntityException(String field, String message) {
        super(field, message);
    }
}
