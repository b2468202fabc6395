package com.voicecore.application.console;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is signed in to the console, kept in the HTTP session for the session's life. {@code tenantId}
 * (and {@code tenantName} its name) is the tenant every request of this user runs in (null for a platform admin, who works in no tenant
 * unless an action names one). {@code principalName} is the container's caller name for this user.
 */
public record ConsoleIdentity(String principalName, UUID tenantId, String tenantName, UUID userId, String email, String displayName,
                              Set<ConsoleRole> roles) implements Serializable {

    public ConsoleIdentity {
        Objects.requireNonNull(principalName, "principalName");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (roles.contains(ConsoleRole.PLATFORM_ADMIN) != (tenantId == null)) {
            throw new IllegalArgumentException("A platform admin has no tenant, every other user has one");
        }
    }

    public static ConsoleIdentity platformAdmin(UUID adminId, String email, String displayName) {
        return new ConsoleIdentity("platform:" + adminId, null, null, adminId, email, displayName, Set.of(ConsoleRole.PLATFORM_ADMIN));
    }

    public static ConsoleIdentity tenantUser(UUID tenantId, String tenantName, UUID userId, String email, String displayName,
                                             Set<ConsoleRole> roles) {
        return new ConsoleIdentity("tenant:" + tenantId + ":" + userId, tenantId, tenantName, userId, email, displayName, roles);
    }

    /** The same user under another caller name (an identity provider's, for single sign-on). */
    public ConsoleIdentity knownAs(String callerName) {
        return new ConsoleIdentity(callerName, tenantId, tenantName, userId, email, displayName, roles);
    }

    public boolean isPlatformAdmin() {
        return tenantId == null;
    }

    public boolean has(ConsoleRole role) {
        return roles.contains(role);
    }

    public Set<String> groups() {
        return roles.stream().map(ConsoleRole::group).collect(Collectors.toUnmodifiableSet());
    }
}
