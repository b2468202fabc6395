package com.voicecore.infrastructure.security;

/**
 * A stored secret that cannot be turned back into the plaintext: encrypted for another tenant or
 * column, changed after it was written, or under a key no longer configured. The message never holds
 * the secret or a key.
 */
public class UndecryptableSecretException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UndecryptableSecretException(String message) {
        super(message);
    }
}
