package com.voicecore.domain.model.user;

import java.util.Locale;

/** What a tenant's user may do in the console. */
public enum UserRole {
    TENANT_ADMIN, SUPERVISOR, AGENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UserRole fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
