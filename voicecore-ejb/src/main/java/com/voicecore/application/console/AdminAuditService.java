package com.voicecore.application.console;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The audit log of admin actions. Every console action that changes something records one entry, in
 * the action's own transaction: a tenant admin's in the tenant (row-level security, deleted with the
 * tenant), a platform admin's in the platform's log (kept after a tenant's deletion).
 */
public interface AdminAuditService {

    /** Records a tenant admin's action in the current tenant. */
    void recordTenantAction(String actor, String action, String subject, String detail);

    /** Records a platform admin's action, naming the tenant it concerned, if any. */
    void recordPlatformAction(String actor, String action, UUID subjectTenant, String detail);

    List<Entry> tenantLog(int limit, int offset);

    /** One entry of the current tenant's log; {@code UnknownEntityException} for any other id (another tenant's too). */
    Entry tenantEntry(UUID id);

    List<Entry> platformLog(int limit, int offset);

    /** One line of either log; {@code subject} is the object's name or the tenant's id. */
    record Entry(UUID id, Instant occurredAt, String actor, String action, String subject, String detail) {
    }
}
