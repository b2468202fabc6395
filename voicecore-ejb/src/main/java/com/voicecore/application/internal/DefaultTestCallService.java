package com.voicecore.application.internal;

import com.voicecore.application.CallerInput;
import com.voicecore.application.TestCallService;
import com.voicecore.application.exception.ConflictException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.CallRepository;
import com.voicecore.domain.model.call.CallStatus;
import com.voicecore.domain.model.call.CallStatusReport;
import com.voicecore.domain.model.call.RouteStep;
import com.voicecore.domain.model.conversation.Conversation;
import com.voicecore.domain.model.conversation.ConversationPolicy;
import com.voicecore.domain.model.conversation.ConversationPolicy.Decision;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Test calls run the turn-based {@link AiReceptionist}'s own conversation step ({@code converse}) on a
 * call record marked as a test: the same policy, knowledge base, language choice and directory as a
 * live call, so what the admin sees is what a caller would get. Only the hand-over differs: it is
 * written on the route ("would go to ...") instead of queueing the call and ringing agents, since
 * there is no caller on a line to connect. Each method is one transaction, like a webhook.
 */
@Stateless
public class DefaultTestCallService implements TestCallService {

    /** What the call log shows as the caller and the number called. */
    static final String FROM = "test call";
    static final String TO = "console";

    @Inject
    CallRepository calls;

    @Inject
    AiReceptionist receptionist;

    @Inject
    ConversationRecorder recorder;

    @Inject
    Clock clock;

    @Override
    public TestCallStep start() {
        Instant now = clock.instant();
        Call call = Call.testCall("TEST" + UUID.randomUUID().toString().replace("-", ""), FROM, TO, now);
        call.recordStep(RouteStep.GREETING, "test call from the console: nobody is rung, nothing is billed", now);
        calls.store(call);
        Conversation conversation = receptionist.open(call);
        return new TestCallStep(call.id(), AiReceptionist.opening(conversation), conversation.language(), null, null, false);
    }

    @Override
    public TestCallStep say(UUID callId, String words) {
        Call call = liveTestCall(callId);
        // typed words are exactly what the caller "said": full confidence
        AiReceptionist.Exchange exchange = receptionist.converse(call, new CallerInput(Optional.empty(),
                Optional.of(words.strip()), Optional.of(1.0)));
        Decision decision = exchange.decision();
        String route = null;
        if (decision.kind() == ConversationPolicy.Kind.HAND_OVER) {
            route = handOver(call, decision.target().orElseThrow());
        }
        boolean ended = decision.kind() != ConversationPolicy.Kind.CONTINUE;
        if (ended) {
            end(call);
        }
        return new TestCallStep(call.id(), decision.reply(), decision.language(), decision.intent().code(), route, ended);
    }

    @Override
    public TestCallStep hangUp(UUID callId) {
        Call call = testCall(callId);
        if (!call.hasEnded()) {
            end(call);
        }
        return new TestCallStep(call.id(), null, null, null, null, true);
    }

    /** Where the call would go, written on the route and the call (department, agent) as a live hand-over would. */
    private String handOver(Call call, ConversationPolicy.Target target) {
        String where = switch (target.kind()) {
            case DEPARTMENT -> "department " + target.name();
            case AGENT -> "agent " + target.name();
            case OPERATOR -> "a human (customer service)";
            case VOICEMAIL -> "voicemail";
        };
        String step = switch (target.kind()) {
            case DEPARTMENT -> RouteStep.DEPARTMENT;
            case AGENT -> RouteStep.AGENT;
            case OPERATOR -> RouteStep.FALLBACK;
            case VOICEMAIL -> RouteStep.VOICEMAIL;
        };
        target.id().ifPresent(id -> {
            if (target.kind() == ConversationPolicy.TargetKind.DEPARTMENT) {
                call.routeTo(id, null);
            } else if (target.kind() == ConversationPolicy.TargetKind.AGENT) {
                call.routeTo(call.departmentId().orElse(null), id);
            }
        });
        call.recordStep(step, "test call: would be handed over to " + where + " (nobody rung)", clock.instant());
        return where;
    }

    private void end(Call call) {
        Instant now = clock.instant();
        int seconds = (int) Math.max(0, Duration.between(call.startedAt(), now).toSeconds());
        call.apply(new CallStatusReport(CallStatus.COMPLETED, 0, now, Optional.of(seconds)));
        call.recordStep(RouteStep.ENDED, "test call ended after " + seconds + " s", now);
        recorder.finish(call);
    }

    private Call testCall(UUID callId) {
        // another tenant's call is invisible here (row-level security), a real call is not a test call:
        // both are "not found", so the console cannot be used to talk into a live call
        return calls.find(callId).filter(Call::isTestCall).orElseThrow(() -> new UnknownEntityException("test call", callId));
    }

    private Call liveTestCall(UUID callId) {
        Call call = testCall(callId);
        if (call.hasEnded()) {
            throw new ConflictException("callId", "This test call has ended; start a new one");
        }
        return call;
    }
}
