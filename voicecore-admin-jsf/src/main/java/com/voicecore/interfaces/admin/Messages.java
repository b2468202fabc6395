package com.voicecore.interfaces.admin;

import com.voicecore.application.exception.BusinessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolationException;

/**
 * Messages to the user, the one way every page reports outcomes: a {@code FacesMessage} shown by the
 * layout's {@code p:messages} (or next to a field, given its client id). The text is always rendered
 * escaped.
 */
public final class Messages {

    private Messages() {
    }

    public static void info(String summary) {
        add(null, FacesMessage.SEVERITY_INFO, summary);
    }

    public static void error(String clientId, String summary) {
        add(clientId, FacesMessage.SEVERITY_ERROR, summary);
    }

    /**
     * A refused change: the service's own message (business rules and Bean Validation on service
     * parameters speak to users already). Nothing was saved: the service's transaction rolled back.
     */
    public static void refused(RuntimeException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof BusinessException business) {
                error(null, business.getMessage());
                return;
            }
            if (cause instanceof ConstraintViolationException invalid) {
                invalid.getConstraintViolations().forEach(v -> error(null, v.getMessage()));
                return;
            }
            cause = cause.getCause();
        }
        throw e;
    }

    private static void add(String clientId, FacesMessage.Severity severity, String summary) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(severity, summary, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }
}
