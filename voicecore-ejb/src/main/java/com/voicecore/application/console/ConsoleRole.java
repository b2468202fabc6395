package com.voicecore.application.console;

import com.voicecore.domain.model.user.UserRole;

import java.util.EnumSet;
import java.util.Set;

/**
 * The console's roles, as Jakarta Security groups (web.xml and the pages use {@link #group()}).
 * A tenant's roles nest: a tenant admin may do what a supervisor may, a supervisor what an agent may.
 * A platform admin belongs to no tenant and holds no tenant role.
 */
public enum ConsoleRole {
    PLATFORM_ADMIN("platform-admin"),
    TENANT_ADMIN("tenant-admin"),
    SUPERVISOR("supervisor"),
    AGENT("agent");

    private final String group;

    ConsoleRole(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    /** The groups a tenant user with this stored role holds. */
    public static Set<ConsoleRole> of(UserRole role) {
        return switch (role) {
            case TENANT_ADMIN -> EnumSet.of(TENANT_ADMIN, SUPERVISOR, AGENT);
            case SUPERVISOR -> EnumSet.of(SUPERVISOR, AGENT);
            case AGENT -> EnumSet.of(AGENT);
        };
    }
}
