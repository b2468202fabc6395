package com.voicecore.interfaces.rest.platform;

import com.voicecore.domain.model.registry.DeletionReceipt;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record DeletionReceiptResponse(UUID receiptId, UUID tenantId, Instant startedAt, Instant completedAt,
                                      Map<String, Long> rowsDeleted) {

    static DeletionReceiptResponse of(DeletionReceipt r) {
        return new DeletionReceiptResponse(r.receiptId(), r.tenantId(), r.startedAt(), r.completedAt(), r.rowsDeleted());
    }
}
