package com.voicecore.application.internal;

import com.voicecore.application.TransferRuleDraft;
import com.voicecore.application.TransferRuleService;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.agent.AgentRepository;
import com.voicecore.domain.model.conversation.TransferRule;
import com.voicecore.domain.model.conversation.TransferRuleRepository;
import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.department.DepartmentRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class DefaultTransferRuleService implements TransferRuleService {

    @Inject
    TransferRuleRepository rules;

    @Inject
    DepartmentRepository departments;

    @Inject
    AgentRepository agents;

    @Override
    public List<TransferRule> list() {
        return rules.all();
    }

    @Override
    public TransferRule find(UUID id) {
        return rules.find(id).orElseThrow(() -> new UnknownEntityException("transfer rule", id));
    }

    @Override
    public TransferRule add(TransferRuleDraft draft) {
        int last = rules.all().stream().mapToInt(TransferRule::position).max().orElse(0);
        int position = draft.position() != null ? draft.position() : Math.min(TransferRule.MAX_POSITION, last + 10);
        checkTarget(draft);
        TransferRule rule = domain(() -> new TransferRule(draft.name(), draft.description(), draft.phrases(), draft.targetKind(),
                draft.targetId(), position));
        return store(rule, draft.active());
    }

    @Override
    public TransferRule change(UUID id, TransferRuleDraft draft) {
        TransferRule rule = find(id);
        checkTarget(draft);
        int position = draft.position() != null ? draft.position() : rule.position();
        domain(() -> {
            rule.revise(draft.name(), draft.description(), draft.phrases(), draft.targetKind(), draft.targetId(), position);
            return rule;
        });
        return store(rule, draft.active());
    }

    @Override
    public TransferRule switchRule(UUID id, boolean active) {
        return store(find(id), active);
    }

    @Override
    public void remove(UUID id) {
        rules.remove(find(id));
    }

    @Override
    public Map<UUID, String> targetNames(List<TransferRule> list) {
        Map<UUID, String> names = new HashMap<>();
        for (TransferRule r : list) {
            target(r.targetKind(), r.targetId().orElse(null)).ifPresent(n -> names.put(r.id(), n));
        }
        return names;
    }

    /** The target must exist in this tenant: row-level security hides another tenant's ids, so they are unknown here too. */
    private void checkTarget(TransferRuleDraft draft) {
        if (draft.targetKind() == null) {
            throw new InvalidValueException("targetKind", "Choose where the rule sends callers");
        }
        if (!draft.targetKind().needsTarget()) {
            if (draft.targetId() != null) {
                throw new InvalidValueException("targetId", "Customer service needs no department or agent");
            }
            return;
        }
        String what = draft.targetKind() == TransferRule.TargetKind.AGENT ? "agent" : "department";
        if (draft.targetId() == null) {
            throw new InvalidValueException("targetId", "Choose the rule's " + what);
        }
        if (target(draft.targetKind(), draft.targetId()).isEmpty()) {
            throw new InvalidValueException("targetId", "No " + what + " with id " + draft.targetId());
        }
    }

    private Optional<String> target(TransferRule.TargetKind kind, UUID id) {
        return switch (kind) {
            case OPERATOR -> Optional.of("customer service");
            case AGENT -> agents.find(id).map(Agent::name);
            case DEPARTMENT, VOICEMAIL -> departments.find(id).map(Department::name);
        };
    }

    private static TransferRule domain(java.util.function.Supplier<TransferRule> made) {
        try {
            return made.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            String message = e.getMessage() == null ? "Invalid transfer rule" : e.getMessage();
            String field = message.contains("phrase") ? "phrases" : message.contains("name") ? "name"
                    : message.contains("description") ? "description" : message.contains("order") ? "position" : "targetKind";
            throw new InvalidValueException(field, message);
        }
    }

    private TransferRule store(TransferRule rule, Boolean active) {
        if (Boolean.FALSE.equals(active)) {
            rule.deactivate();
        } else if (Boolean.TRUE.equals(active)) {
            rule.activate();
        }
        rules.store(rule);
        return rule;
    }
}
