package com.voicecore.interfaces.rest.receptionist;

import com.voicecore.domain.model.conversation.TransferRule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A transfer rule; {@code targetName} is the department's or agent's name, null when that target no
 * longer exists (the receptionist then ignores the rule).
 */
public record TransferRuleResponse(UUID id, String name, String description, List<String> phrases, String target, UUID targetId,
                                   String targetName, int position, boolean active, Instant updatedAt) {

    static TransferRuleResponse of(TransferRule r, String targetName) {
        return new TransferRuleResponse(r.id(), r.name(), r.description().orElse(null), r.phrases(), r.targetKind().code(),
                r.targetId().orElse(null), targetName, r.position(), r.isActive(), r.updatedAt());
    }
}
