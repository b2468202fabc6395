package com.voicecore.application.exception;

import jakarta.ejb.ApplicationException;

/**
 * Nothing with that id in the caller's tenant. Another tenant's id gets exactly this answer too: the
 * caller cannot tell whether the id exists elsewhere.
 */
@ApplicationException(rollback = true)
public class UnknownEntityException extends BusinessException {

    public UnknownEntityException(String entity, Object id) {
        super(null, "No " + entity + " with id " + id);
    }
}
