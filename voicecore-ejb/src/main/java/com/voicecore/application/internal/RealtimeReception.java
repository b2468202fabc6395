package com.voicecore.application.internal;

import com.voicecore.application.CallHandover;
import com.voicecore.application.ConversationService;
import com.voicecore.application.voice.RealtimeBridges;
import com.voicecore.application.voice.SessionConfig;
import com.voicecore.domain.model.agent.AgentRepository;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.RouteStep;
import com.voicecore.domain.model.conversation.Phrase;
import com.voicecore.domain.model.department.DepartmentRepository;
import com.voicecore.domain.model.realtime.RealtimeRepository;
import com.voicecore.domain.model.realtime.RealtimeSettings;
import com.voicecore.domain.model.realtime.RealtimeStream;
import com.voicecore.domain.model.realtime.StreamOutcome;
import com.voicecore.domain.model.receptionist.ReceptionistSettings;
import com.voicecore.domain.model.receptionist.ReceptionistSettingsRepository;
import com.voicecore.domain.model.routing.CallScript;
import com.voicecore.domain.model.routing.Instruction;
import com.voicecore.domain.model.routing.Step;
import com.voicecore.infrastructure.security.SecretCipher;
import com.voicecore.infrastructure.security.StreamTokens;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The realtime transport's part of the call path (inside the webhook's transaction): whether a call
 * gets a media stream, and where it goes when the stream has closed.
 * <p>
 * A call gets a stream when the tenant's transport is realtime, an OpenAI key is stored and fewer than
 * the tenant's limit of realtime calls are open (counted in the database, under a lock on the tenant's
 * realtime settings, so every node sees the same count); otherwise the turn-based receptionist answers.
 */
@ApplicationScoped
public class RealtimeReception {

    /** How long Twilio has to open the stream with its token. */
    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(30);

    @Inject
    ReceptionistSettingsRepository receptionist;

    @Inject
    RealtimeRepository realtime;

    @Inject
    SecretCipher cipher;

    @Inject
    StreamTokens tokens;

    @Inject
    RealtimeBridges bridges;

    @Inject
    ConversationService conversation;

    @Inject
    CallHandover handover;

    @Inject
    CallRouter router;

    @Inject
    DepartmentRepository departments;

    @Inject
    AgentRepository agents;

    @Inject
    Clock clock;

    /** The media stream for this call, or empty for the turn-based receptionist. */
    public Optional<CallScript> offer(Call call) {
        if (!receptionist.current().map(ReceptionistSettings::isRealtime).orElse(false)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<RealtimeSettings> settings = realtime.lockSettings().filter(RealtimeSettings::hasApiKey);
        if (settings.isEmpty()) {
            call.recordStep(RouteStep.RECEPTIONIST, "realtime: no OpenAI key, turn-based", now);
            return Optional.empty();
        }
        long open = realtime.countOpen(now);
        if (open >= settings.get().maxConcurrentCalls()) {
            call.recordStep(RouteStep.RECEPTIONIST, "realtime: " + open + " of " + settings.get().maxConcurrentCalls()
                    + " realtime calls busy, turn-based", now);
            return Optional.empty();
        }
        RealtimeStream stream = new RealtimeStream(call.id(), call.twilioCallSid(), now, TOKEN_LIFETIME);
        realtime.store(stream);
        conversation.begin(call.twilioCallSid(), ReceptionistSettings.REALTIME);
        bridges.preOpen(TenantContext.require(), stream.id(), call.id(), call.twilioCallSid(),
                sessionConfig(settings.get(), call.twilioCallSid()), TOKEN_LIFETIME);
        call.recordStep(RouteStep.RECEPTIONIST, "realtime voice", now);
        String token = tokens.sign(new StreamTokens.Claims(TenantContext.require(), stream.id(), call.twilioCallSid(),
                stream.expiresAt()));
        return Optional.of(CallScript.of(
                new Instruction.ConnectStream(Map.of("token", token)),
                new Instruction.Redirect(Step.REALTIME_RESULT, Map.of())));
    }

    /**
     * Twilio runs this after the stream closed: the conversation's decision, or (OpenAI failed, the
     * stream never came, nothing was decided) a short apology and a human.
     */
    public CallScript outcome(Call call) {
        Instant now = clock.instant();
        Optional<RealtimeStream> latest = realtime.latestStream(call.twilioCallSid());
        if (latest.isEmpty()) {
            return toHuman(call, "no realtime stream");
        }
        RealtimeStream stream = latest.get();
        bridges.discard(stream.id());
        if (stream.connectedAt().isEmpty()) {
            stream.decide(StreamOutcome.failed("the media stream never arrived"));
        } else {
            stream.decide(StreamOutcome.failed("the stream closed without a decision"));
        }
        stream.end(now);
        StreamOutcome outcome = stream.outcome().orElseThrow();
        return switch (outcome.kind()) {
            case TRANSFER -> outcome.isCustomerService() ? toCustomerService(call, outcome.detail()) : outcome.agent().flatMap(agents::find).map(a -> handover.toAgent(call, a))
                    .or(() -> outcome.department().flatMap(departments::find).map(d -> handover.toDepartment(call, d)))
                    .orElseGet(() -> toHuman(call, "the transfer target is gone"));
            case END -> {
                call.recordStep(RouteStep.ENDED, "realtime: " + (outcome.detail() == null ? "goodbye" : outcome.detail()), now);
                yield CallScript.of(new Instruction.Hangup());
            }
            case FAILED -> toHuman(call, outcome.detail());
        };
    }

    /** The session settings: the tenant's key, model and voice, and the conversation's instructions. */
    SessionConfig sessionConfig(String callSid) {
        RealtimeSettings settings = realtime.settings().filter(RealtimeSettings::hasApiKey)
                .orElseThrow(() -> new IllegalStateException("The tenant has no OpenAI key"));
        conversation.begin(callSid, ReceptionistSettings.REALTIME);
        return sessionConfig(settings, callSid);
    }

    private SessionConfig sessionConfig(RealtimeSettings settings, String callSid) {
        String key = cipher.decrypt(TenantContext.require(), SecretCipher.OPENAI_API_KEY, settings.sealedApiKey().orElseThrow());
        return new SessionConfig(key, settings.model(), settings.voice(), conversation.brief(callSid).instructions()
                + " Tools: search_knowledge_base for any question about the company (answer only from what it returns);"
                + " transfer_call for a department, a person or an extension; take_message to leave a message;"
                + " end_call after saying goodbye.");
    }

    /** Spoken in the conversation's language (Property 4), like everything after the stream. */
    private CallScript toHuman(Call call, String why) {
        call.recordStep(RouteStep.FALLBACK, "realtime: " + why + "; to a human", clock.instant());
        return handover.toOperator(call).prepend(router.voice(call).say(Phrase.WENT_WRONG_HOLD));
    }

    /** The third unsuccessful attempt (Property 6): customer service, announced in the caller's language. */
    private CallScript toCustomerService(Call call, String why) {
        call.recordStep(RouteStep.RECEPTIONIST, "realtime: " + (why == null ? "customer service" : why)
                + "; to customer service", clock.instant());
        return handover.toOperator(call).prepend(router.voice(call).say(Phrase.CUSTOMER_SERVICE));
    }
}
