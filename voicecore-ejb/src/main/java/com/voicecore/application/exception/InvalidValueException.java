package com.voicecore.application.exception;

import jakarta.ejb.ApplicationException;

/** A value breaks a domain rule (an extension outside its department's block, a range that overlaps). */
@ApplicationException(rollback = true)
public class InvalidValueException extends BusinessException {

    public InvalidValueException(String field, String message) {
        super(field, message);
    }
}
