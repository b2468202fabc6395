package com.voicecore.application.console;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a console session opened earlier may still act, checked on every request: the tenant may have
 * been suspended (or deleted), the user removed, or their role changed since they signed in. Anything
 * but {@link #GRANTED} ends the session; the sign-in page then says why ({@link #reason()}).
 */
public enum ConsoleAccess {
    GRANTED(null),
    TENANT_SUSPENDED("You were signed out: your company's access to VoiceCore has been suspended."),
    ACCOUNT_REMOVED("You were signed out: your account has been removed."),
    ROLE_CHANGED("You were signed out because your role changed. Sign in again to continue with your new role.");

    private final String message;

    ConsoleAccess(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    /** The word the sign-in page is told (a URL parameter: never the message itself, which a link could forge). */
    public String reason() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ConsoleAccess> ofReason(String reason) {
        for (ConsoleAccess access : values()) {
            if (access != GRANTED && access.reason().equals(reason)) {
                return Optional.of(access);
            }
        }
        return Optional.empty();
    }
}
