package com.voicecore.domain.model.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What platform admins did, kept outside every tenant (db/V11 platform.admin_audit_log). */
public interface PlatformAuditLog {

    record Entry(UUID id, Instant occurredAt, String actor, String action, UUID subjectTenant, String detail) {
    }

    void write(String actor, String action, UUID subjectTenant, String detail);

    List<Entry> latest(int limit, int offset);
}
