package com.voicecore.domain.model.registry;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Proof that a tenant was deleted: when, and how many rows per table. No personal data. */
public record DeletionReceipt(UUID receiptId, UUID tenantId, Instant startedAt, Instant completedAt,
                              Map<String, Long> rowsDeleted) {
}
