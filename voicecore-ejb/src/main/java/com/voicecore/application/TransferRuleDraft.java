package com.voicecore.application;

import com.voicecore.domain.model.conversation.TransferRule;

import java.util.List;
import java.util.UUID;

/**
 * A transfer rule as an admin or integrator describes it, for a new rule or to replace one.
 * {@code targetId} is the department (DEPARTMENT, VOICEMAIL) or agent (AGENT), none for customer
 * service (OPERATOR). {@code position} null: a new rule goes last, an edited one keeps its place;
 * {@code active} null: a new rule is on, an edited one keeps its state.
 */
public record TransferRuleDraft(String name, String description, List<String> phrases, TransferRule.TargetKind targetKind,
                                UUID targetId, Integer position, Boolean active) {

    public TransferRuleDraft {
        phrases = phrases == null ? List.of() : List.copyOf(phrases.stream().map(p -> p == null ? "" : p).toList());
    }
}
