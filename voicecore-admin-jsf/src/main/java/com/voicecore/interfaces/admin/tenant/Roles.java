package com.voicecore.interfaces.admin.tenant;

import com.voicecore.domain.model.user.UserRole;

/** How the roles read on the pages. */
final class Roles {

    private Roles() {
    }

    static String label(UserRole role) {
        return switch (role) {
            case TENANT_ADMIN -> "administrator";
            case SUPERVISOR -> "supervisor";
            case AGENT -> "agent";
        };
    }
}
