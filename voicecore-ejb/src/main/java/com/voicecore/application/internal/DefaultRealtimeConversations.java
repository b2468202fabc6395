package com.voicecore.application.internal;

import com.voicecore.application.voice.Admission;
import com.voicecore.application.ConversationService;
import com.voicecore.application.TurnDraft;
import com.voicecore.domain.model.conversation.Intent;
import com.voicecore.domain.model.conversation.Outcome;
import com.voicecore.application.voice.RealtimeConversations;
import com.voicecore.application.voice.StreamRejectedException;
import com.voicecore.application.voice.Turn;
import com.voicecore.application.voice.TurnOutcome;
import com.voicecore.domain.model.conversation.Conversation;
import com.voicecore.domain.model.conversation.ConversationPolicy;
import com.voicecore.domain.model.conversation.LanguageCode;
import com.voicecore.domain.model.conversation.LanguageDetection;
import com.voicecore.domain.model.receptionist.ReceptionistSettings;
import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.agent.AgentRepository;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.CallRepository;
import com.voicecore.domain.model.call.RouteStep;
import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.department.DepartmentRepository;
import com.voicecore.domain.model.realtime.RealtimeRepository;
import com.voicecore.domain.model.realtime.RealtimeStream;
import com.voicecore.domain.model.realtime.StreamOutcome;
import com.voicecore.domain.model.shared.Extension;
import com.voicecore.domain.model.voicemail.Voicemail;
import com.voicecore.domain.model.voicemail.VoicemailRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class DefaultRealtimeConversations implements RealtimeConversations {

    @Inject
    RealtimeRepository realtime;

    @Inject
    CallRepository calls;

    @Inject
    DepartmentRepository departments;

    @Inject
    AgentRepository agents;

    @Inject
    VoicemailRepository voicemails;

    @Inject
    ConversationService conversation;

    @Inject
    RealtimeReception reception;

    @Inject
    ConversationRecorder recorder;

    @Inject
    LanguageDetection detection;

    @Inject
    Clock clock;

    @Inject
    CallerWordsScreen callerWords;

    @PersistenceContext(unitName = "voicecore")
    EntityManager em;

    @Override
    public Admission admit(UUID streamId, String callSid) {
        Instant now = clock.instant();
        RealtimeStream stream = realtime.stream(streamId).filter(s -> s.callSid().equals(callSid))
                .orElseThrow(() -> new StreamRejectedException("unknown stream"));
        Call call = calls.findBySid(callSid).orElseThrow(() -> new StreamRejectedException("unknown call"));
        if (call.hasEnded()) {
            throw new StreamRejectedException("the call has ended");
        }
        if (!realtime.claim(streamId, callSid, now)) {
            throw new StreamRejectedException("token already used or expired");
        }
        return new Admission(stream.tenantId(), streamId, call.id(), callSid, reception.sessionConfig(callSid));
    }

    /**
     * The exchange is judged by the same conversation policy as a turn-based turn ({@link
     * ConversationPolicy#assess}: what the model's tools found, the caller's words); the count lives on
     * the conversation, so it is one count whichever node stores the next exchange. The third
     * unsuccessful attempt decides the transfer to customer service on the stream (the step Twilio
     * fetches after the stream reads it) and concludes the conversation as transferred.
     */
    @Override
    public TurnOutcome record(Turn turn) {
        RealtimeStream stream = stream(turn.streamId());
        Call call = calls.lockBySid(stream.callSid()).orElseThrow(() -> new IllegalStateException("The stream's call is gone"));
        Conversation conversation = recorder.open(call, ReceptionistSettings.REALTIME);
        ConversationPolicy.Decision decision = policy(words -> callerWords.blocks(call, words))
                .assess(conversation, turn.utterances(), turn.assisted());
        recorder.record(call, conversation, new TurnDraft(turn.callerText(), turn.replyText(), decision.language(),
                decision.failedAttempt() ? decision.intent() : turn.intent(), turn.knowledgeEntryId(), null, null,
                turn.responseLatencyMs(), turn.bridgeMaxMicros() == null ? null : (turn.bridgeMaxMicros() + 999) / 1000));
        if (decision.intent() == Intent.SPAM) {
            // the tenant's keyword rules blocked the caller: the sentence being played finishes, then the call ends
            stream.decide(StreamOutcome.end("blocked as spam by what the caller said"));
            conversation.conclude(Outcome.SPAM, Intent.SPAM.code());
            return new TurnOutcome(conversation.failedAttempts(), true);
        }
        if (decision.intent() == Intent.RULE && decision.target().isPresent()) {
            Optional<TurnOutcome> ruled = ruled(stream, call, conversation, decision.target().get());
            if (ruled.isPresent()) {
                return ruled.get();
            }
        }
        if (!decision.failedAttempt()) {
            return new TurnOutcome(conversation.failedAttempts(), false);
        }
        String what = switch (decision.intent()) {
            case QUESTION -> "no answer";
            case DEPARTMENT -> "no such department, person or extension";
            default -> turn.callerText() != null ? "language not served" : "not understood";
        };
        boolean handOver = decision.kind() == ConversationPolicy.Kind.HAND_OVER
                && stream.decide(StreamOutcome.toCustomerService("three unsuccessful attempts"));
        call.recordStep(RouteStep.RECEPTIONIST, "realtime: " + what + " (unsuccessful attempt " + conversation.failedAttempts()
                + " of " + Conversation.MAX_FAILED_ATTEMPTS + ")" + (handOver ? ": customer service" : ""), clock.instant());
        if (handOver) {
            conversation.conclude(Outcome.TRANSFERRED, "customer service");
        }
        return new TurnOutcome(conversation.failedAttempts(), handOver);
    }

    /**
     * A transfer rule matched what the caller said: as after the spam block, the sentence being
     * played finishes, then the stream closes and the call goes to the rule's target. A department's
     * voicemail is not a stream outcome; such a rule hands over to that department (whose own
     * situation may end in its voicemail). Nothing happens when the stream was already decided.
     */
    private Optional<TurnOutcome> ruled(RealtimeStream stream, Call call, Conversation conversation,
                                        ConversationPolicy.Target target) {
        String why = "transfer rule " + target.rule().orElse("?");
        StreamOutcome outcome = switch (target.kind()) {
            case OPERATOR -> StreamOutcome.toCustomerService(why);
            case AGENT -> StreamOutcome.toAgent(target.id().orElseThrow(), why);
            case DEPARTMENT, VOICEMAIL -> StreamOutcome.toDepartment(target.id().orElseThrow(), why);
        };
        if (!stream.decide(outcome)) {
            return Optional.empty();
        }
        call.recordStep(RouteStep.RECEPTIONIST, "realtime: transfer rule \"" + target.rule().orElse("?") + "\" matched: "
                + target.name(), clock.instant());
        conversation.conclude(Outcome.TRANSFERRED, target.name());
        return Optional.of(new TurnOutcome(conversation.failedAttempts(), true));
    }

    /** What the caller's words would fix (not fixed here: the turn stored later with them fixes it). */
    @Override
    public Optional<String> chooseLanguage(UUID streamId, String callerWords) {
        Call call = calls.findBySid(stream(streamId).callSid()).orElseThrow(() -> new IllegalStateException("The stream's call is gone"));
        Conversation conversation = recorder.open(call, ReceptionistSettings.REALTIME);
        Conversation.LanguageChoice choice = policy().previewLanguage(conversation, callerWords == null ? "" : callerWords);
        if (choice.detected().isEmpty()) {
            return Optional.empty(); // a word or two: still open
        }
        String language = LanguageCode.englishName(choice.language());
        if (choice.served()) {
            return Optional.of("The caller speaks " + language + ". From now on reply only in " + language
                    + ", whatever language later words are in.");
        }
        String offered = String.join(", ", recorder.served().codes().stream().map(LanguageCode::englishName).toList());
        return Optional.of("The caller seems to speak " + LanguageCode.englishName(choice.detected().get())
                + ", which is not served: say politely, in " + language + ", that you can only help in " + offered
                + "; then continue only in " + language + ".");
    }

    /** The conversation policy both transports use, over this tenant's languages, directory and knowledge. */
    private ConversationPolicy policy() {
        return policy(words -> false); // previews only: nothing is screened (or stored) before the turn is
    }

    private ConversationPolicy policy(java.util.function.Predicate<String> spamBlocks) {
        return new ConversationPolicy(recorder.served(), detection, recorder::directory, recorder::best, spamBlocks,
                recorder::transferRules);
    }

    @Override
    public String transfer(UUID streamId, String department, String agent, String extension) {
        RealtimeStream stream = stream(streamId);
        Optional<StreamOutcome> target = Optional.empty();
        String label = null;
        String kind = "department";
        if (extension != null && !extension.isBlank()) {
            Optional<Agent> byExtension = Extension.tryParse(extension.replaceAll("[^0-9]", "")).flatMap(agents::findByExtension);
            if (byExtension.isPresent()) {
                target = Optional.of(StreamOutcome.toAgent(byExtension.get().id(), "extension " + extension));
                label = byExtension.get().name();
                kind = "extension";
            }
        }
        if (target.isEmpty() && agent != null && !agent.isBlank()) {
            String wanted = agent.strip().toLowerCase(Locale.ROOT);
            Optional<Agent> byName = agents.findAll().stream()
                    .filter(a -> a.name().toLowerCase(Locale.ROOT).equals(wanted)
                            || a.name().toLowerCase(Locale.ROOT).startsWith(wanted + " "))
                    .findFirst();
            if (byName.isPresent()) {
                target = Optional.of(StreamOutcome.toAgent(byName.get().id(), "agent " + byName.get().name()));
                label = byName.get().name();
                kind = "agent";
            }
        }
        if (target.isEmpty() && department != null && !department.isBlank()) {
            String wanted = department.strip().toLowerCase(Locale.ROOT);
            Optional<Department> byName = departments.findAll().stream()
                    .filter(d -> d.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
            if (byName.isPresent()) {
                target = Optional.of(StreamOutcome.toDepartment(byName.get().id(), "department " + byName.get().name()));
                label = byName.get().name();
            }
        }
        if (target.isEmpty()) {
            JsonArrayBuilder names = Json.createArrayBuilder();
            departments.findAll().forEach(d -> names.add(d.name()));
            return Json.createObjectBuilder().add("ok", false).add("error", "No such department, person or extension")
                    .add("departments", names).build().toString();
        }
        stream.decide(target.get());
        calls.appendStep(stream.callId(), new RouteStep(RouteStep.RECEPTIONIST, "realtime: transfer to " + label, clock.instant()));
        conversation.markOutcome(stream.callSid(), Outcome.TRANSFERRED, label);
        return Json.createObjectBuilder().add("ok", true).add("transferring_to", label).add("target", kind)
                .add("note", "Tell the caller you are connecting them now, in one short sentence.").build().toString();
    }

    @Override
    public String searchKnowledge(UUID streamId, String query) {
        JsonArrayBuilder results = Json.createArrayBuilder();
        conversation.searchKnowledge(stream(streamId).callSid(), query, null, 3).forEach(a ->
                results.add(Json.createObjectBuilder().add("id", a.entryId().toString()).add("question", a.question())
                        .add("answer", a.answer())));
        var built = results.build();
        JsonObjectBuilder out = Json.createObjectBuilder().add("results", built);
        if (built.isEmpty()) {
            out.add("note", "Nothing in the knowledge base answers this; do not guess. Offer a transfer or a message.");
        }
        return out.build().toString();
    }

    @Override
    public String takeMessage(UUID streamId, String message, String callerName, String callbackNumber, String department) {
        if (message == null || message.isBlank()) {
            return Json.createObjectBuilder().add("ok", false).add("error", "The message is empty").build().toString();
        }
        RealtimeStream stream = stream(streamId);
        Call call = calls.find(stream.callId()).orElseThrow(() -> new IllegalStateException("The stream's call is gone"));
        Optional<Department> to = Optional.ofNullable(department).filter(d -> !d.isBlank())
                .flatMap(d -> departments.findAll().stream().filter(x -> x.name().equalsIgnoreCase(d.strip())).findFirst())
                .or(departments::findReception);
        if (to.isEmpty()) {
            return Json.createObjectBuilder().add("ok", false).add("error", "Nobody can receive messages").build().toString();
        }
        // a text message, no recording: the department's messages list shows it like a transcribed voicemail
        long taken = em.createQuery("select count(v) from Voicemail v where v.callId = :call", Long.class)
                .setParameter("call", call.id()).getSingleResult();
        Voicemail note = new Voicemail(call, to.get().id(), null, "RT" + streamId.toString().replace("-", "") + "-" + (taken + 1),
                "realtime:message", 0);
        StringBuilder text = new StringBuilder(message.strip());
        if (callerName != null && !callerName.isBlank()) {
            text.append(" (from ").append(callerName.strip()).append(")");
        }
        if (callbackNumber != null && !callbackNumber.isBlank()) {
            text.append(" (call back: ").append(callbackNumber.strip()).append(")");
        }
        // stored first (as any message), then its text: the stored row is the managed one
        voicemails.storeIfNew(note).transcribed(text.length() > 4000 ? text.substring(0, 4000) : text.toString(),
                "ai-message");
        calls.appendStep(call.id(), new RouteStep(RouteStep.VOICEMAIL, "realtime: message for " + to.get().name(), clock.instant()));
        conversation.markOutcome(call.twilioCallSid(), Outcome.MESSAGE, to.get().name());
        return Json.createObjectBuilder().add("ok", true).add("for", to.get().name()).build().toString();
    }

    @Override
    public String end(UUID streamId, String reason) {
        RealtimeStream stream = stream(streamId);
        stream.decide(StreamOutcome.end(reason == null ? "the conversation is over" : reason));
        conversation.markOutcome(stream.callSid(), Outcome.RESOLVED, reason);
        return Json.createObjectBuilder().add("ok", true).add("note", "Say goodbye in one short sentence.").build().toString();
    }

    @Override
    public void failed(UUID streamId, String reason) {
        realtime.stream(streamId).ifPresent(s -> s.decide(StreamOutcome.failed(reason)));
    }

    @Override
    public void closed(UUID streamId) {
        realtime.stream(streamId).ifPresent(s -> s.end(clock.instant()));
    }

    private RealtimeStream stream(UUID streamId) {
        return realtime.stream(streamId).orElseThrow(() -> new IllegalStateException("No stream " + streamId));
    }
}
