package com.voicecore.interfaces.admin.security;

import com.voicecore.application.console.ConsoleIdentity;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

import java.util.Optional;

/**
 * What the sign-in form sends: the tenant (domain or id; empty for a platform admin), e-mail and
 * password. The identity store leaves the signed-in identity on it, so the sign-in page can keep it in
 * the session without a second look-up.
 */
public final class ConsoleCredential extends UsernamePasswordCredential {

    private final String tenant;
    private ConsoleIdentity identity;

    public ConsoleCredential(String tenant, String email, String password) {
        super(email == null ? "" : email, password == null ? "" : password);
        this.tenant = tenant == null ? "" : tenant.strip();
    }

    public String tenant() {
        return tenant;
    }

    void signedIn(ConsoleIdentity identity) {
        this.identity = identity;
    }

    public Optional<ConsoleIdentity> identity() {
        return Optional.ofNullable(identity);
    }
}
