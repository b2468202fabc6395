package com.voicecore.domain.model.tenant;

/** Whether a tenant's numbers and keys work. */
public enum TenantStatus {
    ACTIVE, SUSPENDED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TenantStatus fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
