package com.voicecore.interfaces.admin;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Page plumbing shared by every view bean: ids from the URL, and "not found". An id that is malformed,
 * unknown, or another tenant's (row-level security hides it) gets the same 404 page, so editing ids in
 * a URL tells nothing about other tenants.
 */
public final class Pages {

    private Pages() {
    }

    /** A UUID from a view parameter; empty when it is missing or malformed. */
    public static Optional<UUID> id(String raw) {
        if (raw == null || raw.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Ends the request with the console's 404 page. */
    public static void notFound() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(404, "Not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** Post-redirect-get after a change: the browser's reload never repeats a POST. */
    public static void redirect(String page) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FacesContext.getCurrentInstance().responseComplete();
    }
}
