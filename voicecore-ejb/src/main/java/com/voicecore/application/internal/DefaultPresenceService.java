package com.voicecore.application.internal;

import com.voicecore.application.PresenceService;
import com.voicecore.application.exception.ConflictException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.agent.AgentRepository;
import com.voicecore.domain.model.agent.AgentStatus;
import com.voicecore.domain.model.agent.PresenceChange;
import com.voicecore.domain.model.agent.PresenceReason;
import com.voicecore.domain.model.agent.PresenceStateException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Stateless
public class DefaultPresenceService implements PresenceService {

    @Inject
    AgentRepository agents;

    @Inject
    RealtimeAnnouncer announcer;

    @Inject
    RealtimeSettings settings;

    @Inject
    Clock clock;

    @Override
    public PresenceChange choose(UUID agentId, AgentStatus status, PresenceReason reason) {
        Agent agent = agents.lock(agentId).orElseThrow(() -> new UnknownEntityException("agent", agentId));
        boolean changed;
        try {
            changed = agent.choose(status, clock.instant(), reason);
        } catch (PresenceStateException e) {
            throw new ConflictException("status", e.getMessage());
        }
        if (changed) {
            announce(agent);
        }
        return agent.presence();
    }

    @Override
    public void heartbeat(UUID agentId) {
        // under the row lock like every other write to the agent: a copy read without it would write its
        // stale status back over an offer or a status change committed meanwhile (a lost update)
        Agent agent = agents.lock(agentId).orElseThrow(() -> new UnknownEntityException("agent", agentId));
        agent.heartbeat(clock.instant());
        agents.store(agent);
    }

    @Override
    public List<PresenceChange> roster() {
        return agents.findAll().stream().map(Agent::presence).toList();
    }

    @Override
    public int expireSilentAgents() {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(settings.heartbeatExpiry());
        int expired = 0;
        for (Agent candidate : agents.findSilentSince(staleBefore)) {
            // re-read under a row lock: a heartbeat or another node's sweep may have come first, and
            // then this node must neither change nor announce the agent
            Agent agent = agents.lock(candidate.id()).orElse(null);
            if (agent != null && agent.expireIfSilentSince(staleBefore, now)) {
                announce(agent);
                expired++;
            }
        }
        return expired;
    }

    @Override
    public int finishWrapUps() {
        Instant now = clock.instant();
        int finished = 0;
        for (Agent candidate : agents.findWrapUpDone(now)) {
            Agent agent = agents.lock(candidate.id()).orElse(null);
            if (agent != null && agent.finishWrapUpIfDue(now)) {
                announce(agent);
                finished++;
            }
        }
        return finished;
    }

    /** Persists, logs and announces one change (the announcement leaves only with the commit). */
    void announce(Agent agent) {
        agents.store(agent);
        agents.logPresence(agent);
        announcer.presence(agent.presence());
    }
}
