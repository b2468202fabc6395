package com.voicecore.domain.model.analytics;

import java.util.UUID;

/**
 * One agent's figures over a period: the agent's calls (answered, queue-answered with their wait, handled
 * with talk and wrap-up), the offers made to the agent, and the agent's available idle time.
 */
public record AgentFigures(UUID agentId, UUID departmentId, String name,
                           long answered, long queueAnswered, double waitSeconds,
                           long handled, long talkSeconds, long wrapUpSeconds,
                           long offers, long missedOffers, double availableIdleSeconds) {

    public long handleSeconds() {
        return talkSeconds + wrapUpSeconds;
    }

    public Double averageSpeedOfAnswerSeconds() {
        return queueAnswered == 0 ? null : waitSeconds / queueAnswered;
    }

    public Double averageHandleSeconds() {
        return handled == 0 ? null : (double) handleSeconds() / handled;
    }

    public Occupancy occupancy() {
        return new Occupancy(handleSeconds(), availableIdleSeconds);
    }

    public Double occupancyPercent() {
        return occupancy().percent();
    }
}
