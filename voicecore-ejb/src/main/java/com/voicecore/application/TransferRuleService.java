package com.voicecore.application;

import com.voicecore.domain.model.conversation.TransferRule;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The current tenant's transfer rules: which caller phrases hand the caller to which department,
 * agent, voicemail or customer service. Every change is checked in full (phrases, limits, a target
 * that exists in this tenant) before anything is stored; another tenant's rule ids are unknown.
 */
public interface TransferRuleService {

    /** All rules, on and off, in the order the receptionist tries them. */
    List<TransferRule> list();

    TransferRule find(UUID id);

    TransferRule add(TransferRuleDraft draft);

    TransferRule change(UUID id, TransferRuleDraft draft);

    /** Switches a rule on or off; an inactive rule hands nobody over. */
    TransferRule switchRule(UUID id, boolean active);

    void remove(UUID id);

    /** The name of each rule's target (department or agent) by rule id; absent when the target is gone. */
    Map<UUID, String> targetNames(List<TransferRule> rules);
}
