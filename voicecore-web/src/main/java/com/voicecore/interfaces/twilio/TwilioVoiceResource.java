package com.voicecore.interfaces.twilio;

import com.voicecore.application.CallEventService;
import com.voicecore.application.CallRoutingService;
import com.voicecore.application.CallerInput;
import com.voicecore.application.IncomingCall;
import com.voicecore.application.RecordingReport;
import com.voicecore.application.StatusCallback;
import com.voicecore.application.WebhookReplyService;
import com.voicecore.domain.model.call.CallStatus;
import com.voicecore.domain.model.routing.CallScript;
import com.voicecore.domain.model.routing.Step;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Twilio's voice webhooks. Thin: read the verified parameters, ask the call path, render TwiML.
 * Configure the tenant's numbers in Twilio with {@code /twilio/voice/incoming} (voice) and
 * {@code /twilio/voice/status} (status callback); every other URL is handed out in TwiML.
 */
@Path("/voice")
@TwilioWebhook
@Produces(Twiml.XML)
public class TwilioVoiceResource {

    /** Twilio sends it with every webhook; a retry carries the same one. */
    static final String IDEMPOTENCY_TOKEN = "I-Twilio-Idempotency-Token";

    private static final Logger LOG = Logger.getLogger(TwilioVoiceResource.class.getName());

    @Inject
    CallRoutingService routing;

    @Inject
    CallEventService events;

    @Inject
    PublicUrl publicUrl;

    @Inject
    WebhookReplyService replies;

    @Context
    HttpServletRequest servletRequest;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("/incoming")
    public Response incoming() {
        WebhookRequest w = webhook();
        return answer("incoming", () -> routing.incoming(new IncomingCall(w.callSid(), w.get("From").orElse(""),
                w.get("To").orElse(""), w.get("StirVerstat").orElse(null), w.get("CallToken").orElse(null), Instant.now())));
    }

    @POST
    @Path("/status")
    public Response status() {
        return acknowledge("status", () -> events.statusChanged(statusCallback(webhook())));
    }

    @POST
    @Path("/t/{tenant}/status")
    public Response legStatus() {
        return status();
    }

    @POST
    @Path("/t/{tenant}/recording")
    public Response recording() {
        WebhookRequest w = webhook();
        return acknowledge("recording", () -> recording(w).ifPresent(r -> events.callRecorded(w.callSid(), r)));
    }

    @POST
    @Path("/t/{tenant}/transcription")
    public Response transcription() {
        WebhookRequest w = webhook();
        return acknowledge("transcription", () -> w.get("RecordingSid").ifPresent(sid ->
                events.voicemailTranscribed(sid, w.get("TranscriptionText").orElse(null),
                        w.get("TranscriptionStatus").orElse("completed"))));
    }

    @POST
    @Path("/t/{tenant}/{step}")
    public Response step(@PathParam("step") String stepPath) {
        WebhookRequest w = webhook();
        Map<String, String> context = context();
        CallerInput input = CallerInput.of(w.get("Digits").orElse(null), w.get("SpeechResult").orElse(null),
                w.get("Confidence").orElse(null));
        Optional<Step> step = Step.fromPath(stepPath);
        if (step.isEmpty()) {
            return answer("unknown step", () -> routing.fallback(w.callSid(), w.get("From").orElse(""), w.get("To").orElse("")));
        }
        return answer(stepPath, () -> switch (step.get()) {
            case GREETING -> routing.greetingAnswered(w.callSid(), input);
            case RECEPTIONIST -> routing.receptionist(w.callSid());
            case RECEPTIONIST_INPUT -> routing.receptionistAnswered(w.callSid(), input, context);
            case CHALLENGE -> routing.challengeAnswered(w.callSid(), input);
            case DIAL_RESULT -> routing.dialEnded(w.callSid(), w.get("DialCallStatus").orElse(null),
                    w.get("DialCallDuration").filter(d -> d.matches("\\d{1,7}")).map(Integer::parseInt).orElse(null), context);
            case VOICEMAIL -> recording(w)
                    .map(r -> routing.voicemailRecorded(w.callSid(), r, context))
                    .orElseGet(() -> routing.voicemailRecorded(w.callSid(), new RecordingReport("none", "none", 0, "absent"), context));
            case QUEUE_RESULT -> routing.dialEnded(w.callSid(), w.get("QueueResult").orElse(null), context);
            case TRANSFER -> routing.transferred(w.callSid(), context.get("to"));
            case REALTIME_RESULT -> routing.realtimeEnded(w.callSid());
            case QUEUE_WAIT -> routing.queueWait(w.callSid(), input);
            case QUEUE_BRIDGE -> routing.queueBridge(w.callSid());
        });
    }

    // ---------------------------------------------------------------------------------------

    private Response answer(String what, Supplier<CallScript> work) {
        WebhookRequest w = webhook();
        String token = servletRequest.getHeader(IDEMPOTENCY_TOKEN);
        try {
            // Twilio retried: the same answer, nothing runs twice (also when the retry overtakes the first)
            return Twiml.response(replies.answerOnce(token, w.callSid(), work, script -> render(script, w)));
        } catch (RuntimeException e) {
            // classes and traces only: messages may quote what the caller said
            LOG.log(Level.SEVERE, "Twilio webhook '" + what + "' failed for call " + w.callSid() + "; sending the fallback",
                    Redacted.of(e));
            try {
                return Twiml.response(render(routing.fallback(w.callSid(), w.get("From").orElse(""), w.get("To").orElse("")), w));
            } catch (RuntimeException again) {
                LOG.log(Level.SEVERE, "The fallback failed too for call " + w.callSid(), Redacted.of(again));
                return Twiml.response(Twiml.apology());
            }
        }
    }

    /** Callbacks that expect no TwiML: acknowledged even when they fail (logged with the call SID). */
    private Response acknowledge(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Twilio callback '" + what + "' failed for call " + webhook().callSid(), Redacted.of(e));
        }
        return Twiml.response(Twiml.empty());
    }

    private String render(CallScript script, WebhookRequest w) {
        URI requested = uriInfo.getRequestUri();
        return Twiml.render(script,
                (step, context) -> publicUrl.callback(requested, w.tenantId(), step.path()) + Twiml.query(context),
                publicUrl.mediaStream(requested),
                publicUrl.callback(requested, w.tenantId(), "recording"),
                publicUrl.callback(requested, w.tenantId(), "transcription"));
    }

    private WebhookRequest webhook() {
        return (WebhookRequest) servletRequest.getAttribute(WebhookRequest.PROPERTY);
    }

    private Map<String, String> context() {
        Map<String, String> context = new HashMap<>();
        uriInfo.getQueryParameters().forEach((name, values) -> context.put(name, values.get(0)));
        return context;
    }

    private static Optional<RecordingReport> recording(WebhookRequest w) {
        Optional<String> sid = w.get("RecordingSid");
        Optional<String> url = w.get("RecordingUrl");
        if (sid.isEmpty() || url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecordingReport(sid.get(), url.get(), w.integer("RecordingDuration", 0),
                w.get("RecordingStatus").orElse("completed")));
    }

    private static StatusCallback statusCallback(WebhookRequest w) {
        CallStatus status = CallStatus.fromCode(w.get("CallStatus").orElseThrow(() -> new IllegalArgumentException("no CallStatus")));
        Optional<Integer> duration = w.get("CallDuration").filter(d -> d.matches("\\d{1,7}")).map(Integer::parseInt);
        return new StatusCallback(w.callSid(), w.get("From").orElse(""), w.get("To").orElse(""), status,
                w.get("StatusCallbackEvent").orElse(null), Math.max(0, w.integer("SequenceNumber", 0)),
                timestamp(w.get("Timestamp")), duration);
    }

    private static Instant timestamp(Optional<String> value) {
        try {
            return value.map(v -> ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).orElseGet(Instant::now);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }
}
