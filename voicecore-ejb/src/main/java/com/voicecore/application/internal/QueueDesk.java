package com.voicecore.application.internal;

import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.agent.AgentRepository;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.CallRepository;
import com.voicecore.domain.model.conversation.ConversationRepository;
import com.voicecore.domain.model.conversation.Phrase;
import com.voicecore.domain.model.conversation.Transcript;
import com.voicecore.domain.model.knowledge.KnowledgeEntry;
import com.voicecore.domain.model.knowledge.KnowledgeRepository;
import com.voicecore.domain.model.call.RouteStep;
import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.queue.AgentOffer;
import com.voicecore.domain.model.queue.QueueEntry;
import com.voicecore.domain.model.queue.QueuePolicy;
import com.voicecore.domain.model.queue.QueueRepository;
import com.voicecore.domain.model.queue.QueueState;
import com.voicecore.domain.model.routing.CallScript;
import com.voicecore.domain.model.routing.DialTarget;
import com.voicecore.domain.model.routing.Instruction;
import com.voicecore.domain.model.routing.Step;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The department queues at work, inside the caller's transaction (a webhook's, the sweep's, or an
 * agent's accept): callers join, wait with announcements, are offered to the longest-idle agent, and
 * leave answered, abandoned or for voicemail. Every change is announced after commit.
 */
@ApplicationScoped
public class QueueDesk {

    static final String ENTRY = "entry";
    /** The key a waiting caller presses to leave a message instead. */
    static final String VOICEMAIL_KEY = "1";

    @Inject
    QueueRepository queue;

    @Inject
    AgentRepository agents;

    @Inject
    RealtimeAnnouncer announcer;

    @Inject
    CallRepository calls;

    @Inject
    ConversationRepository conversations;

    @Inject
    KnowledgeRepository knowledge;

    @Inject
    RealtimeSettings settings;

    @Inject
    Clock clock;

    /**
     * Whether an agent of this department is logged in through a client (its heartbeats are fresh and it
     * is not "not available"): only such agents can be offered calls over the agent socket.
     */
    public boolean hasLoggedInAgents(Department department) {
        return agents.countLoggedIn(department.id(), connectedSince()) > 0;
    }

    private Instant connectedSince() {
        return clock.instant().minus(settings.heartbeatExpiry());
    }

    /** The caller joins the department's queue; an idle agent is offered the call at once. */
    public CallScript enqueue(Call call, Department department, CallVoice voice) {
        Instant now = clock.instant();
        Optional<QueueEntry> existing = queue.findByCall(call.id());
        QueueEntry entry = existing.orElseGet(() -> {
            boolean vip = queue.isVip(call.fromNumber());
            boolean repeat = queue.callsFrom(call.fromNumber(), now.minus(Duration.ofDays(7))) > settings.repeatCallerCalls();
            QueueEntry created = new QueueEntry(department.id(), call.id(), call.twilioCallSid(), call.fromNumber(),
                    settings.policy().basePriority(repeat), vip, now);
            queue.store(created);
            return created;
        });
        call.routeTo(department.id(), null);
        call.recordStep(RouteStep.QUEUE, department.name() + (entry.vip() ? " (VIP)" : ""), now);
        if (existing.isEmpty()) {
            announcer.callEvent(TenantContext.require(), entry, "queued", null, now);
        }
        dispatch(department.id());
        return waitTurn(entry, voice, true);
    }

    /** One turn of the wait loop: announce when the position improved, then hold for a key. */
    CallScript waitTurn(QueueEntry entry, CallVoice voice, boolean first) {
        Instant now = clock.instant();
        List<QueueEntry> ordered = queue.queued(entry.departmentId(), now, settings.policy());
        int position = ordered.indexOf(entry) + 1;
        List<Instruction.Say> prompts = new ArrayList<>();
        if (first) {
            prompts.add(voice.say(Phrase.QUEUE_BUSY));
        }
        if (position > 0 && entry.announce(position, now, settings.announceGap())) {
            long minutes = Math.max(1, (estimatedWait(entry.departmentId(), position).getSeconds() + 59) / 60);
            prompts.add(minutes == 1 ? voice.say(Phrase.QUEUE_POSITION_MINUTE, position)
                    : voice.say(Phrase.QUEUE_POSITION_MINUTES, position, minutes));
            prompts.add(voice.say(Phrase.QUEUE_LEAVE_MESSAGE, VOICEMAIL_KEY));
        }
        queue.store(entry);
        Map<String, String> context = Map.of(ENTRY, entry.id().toString());
        return CallScript.of(
                new Instruction.Gather(Step.QUEUE_WAIT, context, 1, settings.holdSeconds(), false, voice.language(), prompts),
                new Instruction.Redirect(Step.QUEUE_WAIT, context));
    }

    /** Estimated wait at a position: the recent mean wait of answered callers (ASA) per place, or a minute each. */
    Duration estimatedWait(UUID departmentId, int position) {
        Instant now = clock.instant();
        List<QueueEntry> answered = queue.answeredBetween(now.minus(Duration.ofHours(1)), now).stream()
                .filter(e -> e.departmentId().equals(departmentId)).toList();
        long perPlace = answered.isEmpty() ? 60
                : Math.max(10, (long) answered.stream().mapToLong(e -> e.waited(now).getSeconds()).average().orElse(60));
        return Duration.ofSeconds(perPlace * Math.max(1, position));
    }

    /**
     * Offers the department's waiting callers to idle agents, best first: the highest-priority caller to
     * the longest-idle agent. Both rows are taken with SKIP LOCKED, so nodes dispatching at once never
     * offer one caller twice or one agent two callers.
     */
    public int dispatch(UUID departmentId) {
        Instant now = clock.instant();
        QueuePolicy policy = settings.policy();
        int offered = 0;
        Set<UUID> tried = new HashSet<>();
        while (true) {
            Optional<QueueEntry> next = queue.lockNextWaiting(departmentId, now, policy);
            if (next.isEmpty() || !tried.add(next.get().id())) {
                break;
            }
            Optional<Agent> agent = agents.lockLongestIdle(departmentId, connectedSince());
            if (agent.isEmpty()) {
                break;
            }
            offer(next.get(), agent.get(), now);
            offered++;
        }
        if (offered > 0) {
            snapshot(departmentId);
        }
        return offered;
    }

    private void offer(QueueEntry entry, Agent agent, Instant now) {
        UUID offerId = entry.offerTo(agent.id(), now, settings.offerRing());
        agent.offer(now);
        queue.store(entry);
        queue.store(new AgentOffer(offerId, entry.id(), agent.id(), now));
        agents.store(agent);
        agents.logPresence(agent);
        UUID tenant = TenantContext.require();
        announcer.presence(agent.presence());
        announcer.offer(tenant, entry, agent.id(), summary(entry), now);
        announcer.callEvent(tenant, entry, "offered", agent.id(), now);
    }

    /** What the receptionist learned so far (the same summary the finished call will carry), for the offer. */
    private String summary(QueueEntry entry) {
        return calls.find(entry.callId())
                .map(call -> Transcript.of(conversations.findByCall(call.id()), conversations.turns(call.id()), call.route(),
                        id -> knowledge.find(id).map(KnowledgeEntry::question)).summary())
                .orElse(null);
    }

    /** Offers that rang out: the agent missed them, the caller is offered to the next agent. */
    public int expireOffers() {
        Instant now = clock.instant();
        int expired = 0;
        Set<UUID> departments = new HashSet<>();
        for (QueueEntry candidate : queue.offersDue(now)) {
            Optional<QueueEntry> locked = queue.lockIfFree(candidate.id());
            if (locked.isEmpty() || locked.get().state() != QueueState.OFFERED
                    || locked.get().offerExpiresAt().map(now::isBefore).orElse(true)) {
                continue; // another node has it, or it changed meanwhile
            }
            endOffer(locked.get(), AgentOffer.Outcome.MISSED, "timeout", now);
            departments.add(locked.get().departmentId());
            expired++;
        }
        departments.forEach(this::dispatch);
        return expired;
    }

    /** The offered agent declines: missed, and the caller goes to the next agent at once. */
    public boolean reject(UUID agentId, UUID offerId) {
        Instant now = clock.instant();
        Optional<AgentOffer> offer = queue.findOffer(offerId);
        if (offer.isEmpty() || !offer.get().agentId().equals(agentId)) {
            return false;
        }
        Optional<QueueEntry> entry = queue.lockIfFree(offer.get().entryId());
        if (entry.isEmpty() || !entry.get().isOpenOffer(offerId, agentId, now)) {
            return false;
        }
        endOffer(entry.get(), AgentOffer.Outcome.REJECTED, "rejected", now);
        dispatch(entry.get().departmentId());
        return true;
    }

    private void endOffer(QueueEntry entry, AgentOffer.Outcome outcome, String reason, Instant now) {
        UUID offerId = entry.offerId().orElseThrow();
        UUID agentId = entry.offeredAgentId().orElseThrow();
        queue.findOffer(offerId).ifPresent(o -> {
            o.end(outcome, now);
            queue.store(o);
        });
        entry.offerEnded();
        queue.store(entry);
        UUID tenant = TenantContext.require();
        agents.lock(agentId).ifPresent(agent -> {
            long before = agent.presenceVersion();
            if (outcome == AgentOffer.Outcome.WITHDRAWN) {
                agent.withdrawOffer(now);
            } else {
                agent.missOffer(now, settings.maxMissedOffers());
            }
            if (agent.presenceVersion() != before) {
                agents.store(agent);
                agents.logPresence(agent);
                announcer.presence(agent.presence());
            }
        });
        announcer.offerEnded(tenant, offerId, agentId, reason);
    }

    /**
     * The agent takes the offer: the caller is being bridged, the agent is busy on the call. Returns the
     * entry, or empty when the offer is no longer this agent's to take.
     */
    public Optional<QueueEntry> accept(UUID agentId, UUID offerId) {
        Instant now = clock.instant();
        Optional<AgentOffer> offer = queue.findOffer(offerId);
        if (offer.isEmpty() || !offer.get().agentId().equals(agentId)) {
            return Optional.empty();
        }
        Optional<QueueEntry> locked = queue.lockIfFree(offer.get().entryId());
        if (locked.isEmpty() || !locked.get().isOpenOffer(offerId, agentId, now)) {
            return Optional.empty();
        }
        Agent agent = agents.lock(agentId).orElse(null);
        if (agent == null || agent.activity() != com.voicecore.domain.model.agent.AgentActivity.OFFERED) {
            return Optional.empty();
        }
        QueueEntry entry = locked.get();
        entry.accept(offerId, agentId, now);
        agent.acceptCall(now);
        offer.get().end(AgentOffer.Outcome.ACCEPTED, now);
        queue.store(offer.get());
        queue.store(entry);
        agents.store(agent);
        agents.logPresence(agent);
        announcer.presence(agent.presence());
        announcer.callEvent(TenantContext.require(), entry, "bridging", agentId, now);
        snapshot(entry.departmentId());
        return Optional.of(entry);
    }

    /** The TwiML of an accepted caller: dial the agent, who sees the caller's own number. */
    public Optional<CallScript> bridge(Call call, CallVoice voice, boolean record, int dialTimeout) {
        Optional<QueueEntry> entry = queue.findByCall(call.id()).filter(e -> e.state() == QueueState.BRIDGING);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Agent agent = agents.find(entry.get().agentId().orElseThrow()).orElse(null);
        if (agent == null) {
            return Optional.empty();
        }
        call.routeTo(entry.get().departmentId(), agent.id());
        call.recordStep(RouteStep.AGENT, agent.name() + " (accepted from the queue)", clock.instant());
        Map<String, String> context = new LinkedHashMap<>();
        context.put(CallRouter.DEPARTMENT, entry.get().departmentId().toString());
        context.put(CallRouter.AGENT, agent.id().toString());
        context.put(ENTRY, entry.get().id().toString());
        DialTarget target = agent.phoneNumber()
                .<DialTarget>map(number -> new DialTarget.Number(number.e164()))
                .orElseGet(() -> new DialTarget.Client(agent.clientIdentity(),
                        Map.of("callerNumber", call.fromNumber(), "callSid", call.twilioCallSid())));
        return Optional.of(CallScript.of(voice.say(Phrase.QUEUE_CONNECTING),
                new Instruction.Dial(List.of(target), call.fromNumber(), dialTimeout, record, Step.DIAL_RESULT, context)));
    }

    /**
     * The agent's leg ended: answered calls complete (the agent wraps up), unanswered ones put the caller
     * back in the queue. Returns true when the caller should wait again.
     */
    public boolean bridgeEnded(Call call, boolean answered, Integer talkSeconds) {
        Instant now = clock.instant();
        Optional<QueueEntry> found = queue.findByCall(call.id());
        if (found.isEmpty()) {
            return false;
        }
        QueueEntry entry = queue.lockIfFree(found.get().id()).orElse(found.get());
        UUID agentId = entry.agentId().orElse(null);
        if (entry.state() != QueueState.BRIDGING && entry.state() != QueueState.CONNECTED) {
            return false;
        }
        Agent agent = agentId == null ? null : agents.lock(agentId).orElse(null);
        UUID tenant = TenantContext.require();
        if (answered) {
            // Twilio's DialCallDuration when it sent one, else the time since the accept
            Duration talk = talkSeconds != null ? Duration.ofSeconds(talkSeconds)
                    : Duration.between(entry.answeredAt().orElse(now), now);
            entry.complete(now, talk, settings.wrapUp());
            queue.store(entry);
            if (agent != null) {
                agent.endCall(now, settings.wrapUp());
                agents.store(agent);
                agents.logPresence(agent);
                announcer.presence(agent.presence());
            }
            announcer.callEvent(tenant, entry, "ended", agentId, now);
            return false;
        }
        entry.bridgeFailed();
        queue.store(entry);
        if (agent != null) {
            agent.bridgeFailed(now, settings.maxMissedOffers());
            agents.store(agent);
            agents.logPresence(agent);
            announcer.presence(agent.presence());
        }
        announcer.callEvent(tenant, entry, "queued", null, now);
        dispatch(entry.departmentId());
        return true;
    }

    /** The caller's next wait turn, or empty when the caller is no longer waiting. */
    public Optional<QueueEntry> waiting(Call call) {
        return queue.findByCall(call.id()).filter(e -> e.state().isQueued());
    }

    public Optional<QueueEntry> entryOf(Call call) {
        return queue.findByCall(call.id());
    }

    /** The caller leaves for voicemail (chose it, waited too long, or nobody is logged in any more). */
    public void leaveForVoicemail(QueueEntry entry) {
        Instant now = clock.instant();
        QueueEntry locked = queue.lockIfFree(entry.id()).orElse(entry);
        if (locked.state() == QueueState.OFFERED) {
            endOffer(locked, AgentOffer.Outcome.WITHDRAWN, "caller_left", now);
        }
        if (locked.toVoicemail(now)) {
            queue.store(locked);
            announcer.callEvent(TenantContext.require(), locked, "voicemail", null, now);
            snapshot(locked.departmentId());
        }
    }

    /** The caller hung up: removed from the queue and counted abandoned (an open offer is withdrawn). */
    public void callEnded(Call call) {
        Optional<QueueEntry> found = queue.findByCall(call.id());
        if (found.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        QueueEntry entry = queue.lockIfFree(found.get().id()).orElse(found.get());
        if (entry.state().isQueued()) {
            if (entry.state() == QueueState.OFFERED) {
                endOffer(entry, AgentOffer.Outcome.WITHDRAWN, "caller_left", now);
            }
            entry.abandon(now);
            queue.store(entry);
            announcer.callEvent(TenantContext.require(), entry, "abandoned", null, now);
            snapshot(entry.departmentId());
        } else if (entry.state() == QueueState.BRIDGING || entry.state() == QueueState.CONNECTED) {
            bridgeEnded(call, true, null);
        }
    }

    /** Announces the department's queue as it is now. */
    public void snapshot(UUID departmentId) {
        Instant now = clock.instant();
        List<QueueEntry> ordered = queue.queued(departmentId, now, settings.policy());
        announcer.queue(TenantContext.require(), departmentId, ordered, now, settings.policy(),
                ordered.isEmpty() ? Duration.ZERO : estimatedWait(departmentId, ordered.size()));
    }

    /** Every department that has callers queued now. */
    public Set<UUID> busyDepartments() {
        Set<UUID> departments = new HashSet<>();
        queue.allQueued().forEach(e -> departments.add(e.departmentId()));
        return departments;
    }

    public List<QueueEntry> queued(UUID departmentId) {
        return queue.queued(departmentId, clock.instant(), settings.policy());
    }

    public QueuePolicy policy() {
        return settings.policy();
    }

    public Duration maxWait() {
        return settings.maxWait();
    }
}
