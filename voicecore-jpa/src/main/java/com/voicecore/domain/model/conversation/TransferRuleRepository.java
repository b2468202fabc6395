package com.voicecore.domain.model.conversation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's transfer rules. */
public interface TransferRuleRepository {

    /** All rules, on and off, in the order the receptionist tries them. */
    List<TransferRule> all();

    Optional<TransferRule> find(UUID id);

    void store(TransferRule rule);

    void remove(TransferRule rule);
}
