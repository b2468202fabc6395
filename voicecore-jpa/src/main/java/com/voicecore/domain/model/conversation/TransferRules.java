package com.voicecore.domain.model.conversation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's transfer rules as the receptionist applies them: the active ones in ascending order
 * (position, then age), the first whose phrase the caller said wins.
 */
public final class TransferRules {

    private static final TransferRules NONE = new TransferRules(List.of());

    private final List<TransferRule> ordered;

    private TransferRules(List<TransferRule> ordered) {
        this.ordered = ordered;
    }

    /** Rules in any order, on and off; the order is settled here. */
    public static TransferRules of(List<TransferRule> rules) {
        return new TransferRules(rules.stream().filter(TransferRule::isActive)
                .sorted(Comparator.comparingInt(TransferRule::position)
                        .thenComparing(r -> r.createdAt(), Comparator.nullsLast(Comparator.naturalOrder())))
                .toList());
    }

    public static TransferRules none() {
        return NONE;
    }

    /** The first active rule (by order) the caller's words match, if any. */
    public Optional<TransferRule> firstMatch(String utterance) {
        return ordered.stream().filter(r -> r.matches(utterance)).findFirst();
    }

    /** Every active rule the words match, in order: the later ones are tried when an earlier one's target is gone. */
    public List<TransferRule> matches(String utterance) {
        return ordered.stream().filter(r -> r.matches(utterance)).toList();
    }

    public boolean isEmpty() {
        return ordered.isEmpty();
    }
}
