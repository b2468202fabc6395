package com.voicecore.application.exception;

import jakarta.ejb.ApplicationException;

/** An outside service (Twilio) could not do what was asked; nothing was changed. */
@ApplicationException(rollback = true)
public class ServiceUnavailableException extends BusinessException {

    public ServiceUnavailableException(String message) {
        super(null, message);
    }
}
