package com.voicecore.application;

import java.util.UUID;

/**
 * One agent's (or one department's) work over a date range; definitions in docs/agents.md.
 *
 * @param handleSeconds     talk + wrap-up (hold is not modelled: a queued call has no hold)
 * @param occupancyPercent  handle ÷ (handle + available idle) × 100; null with no time at all
 */
public record AgentMetrics(UUID agentId, UUID departmentId, String name, long callsHandled, long talkSeconds,
                           long wrapUpSeconds, long handleSeconds, Double averageHandleSeconds,
                           long availableIdleSeconds, Double occupancyPercent, long offers, long missedOffers) {
}
