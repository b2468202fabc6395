package com.voicecore.application.internal;

import com.voicecore.application.CallRoutingService;
import com.voicecore.application.CallerInput;
import com.voicecore.application.IncomingCall;
import com.voicecore.application.Receptionist;
import com.voicecore.application.RecordingReport;
import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.agent.AgentRepository;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.CallRepository;
import com.voicecore.domain.model.call.RouteStep;
import com.voicecore.domain.model.conversation.Phrase;
import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.department.DepartmentRepository;
import com.voicecore.domain.model.phone.TelephonyRepository;
import com.voicecore.domain.model.phone.TenantPhoneNumber;
import com.voicecore.domain.model.plan.BillingPeriod;
import com.voicecore.domain.model.plan.CreditBalance;
import com.voicecore.domain.model.plan.CreditLedger;
import com.voicecore.domain.model.plan.Plan;
import com.voicecore.domain.model.receptionist.ReceptionistSettings;
import com.voicecore.domain.model.receptionist.ReceptionistSettingsRepository;
import com.voicecore.domain.model.routing.CallScript;
import com.voicecore.domain.model.routing.DialTarget;
import com.voicecore.domain.model.routing.Instruction;
import com.voicecore.domain.model.routing.Step;
import com.voicecore.domain.model.schedule.OpeningState;
import com.voicecore.domain.model.shared.Extension;
import com.voicecore.domain.model.shared.PhoneNumber;
import com.voicecore.domain.model.spam.SpamAction;
import com.voicecore.domain.model.spam.SpamVerdict;
import com.voicecore.domain.model.voicemail.Voicemail;
import com.voicecore.domain.model.voicemail.VoicemailRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The call path, in the issue's order: credits → spam screening → business hours → the greeting
 * (extension digits bypass the receptionist) → the receptionist. Each step is recorded on the call.
 */
@Stateless
public class DefaultCallRoutingService implements CallRoutingService {

    /** One retry of a spam challenge, then the call ends. */
    static final int CHALLENGE_TRIES = 2;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CallRepository calls;

    @Inject
    CreditLedger ledger;

    @Inject
    CallerScreening screening;

    @Inject
    DepartmentRepository departments;

    @Inject
    AgentRepository agents;

    @Inject
    ReceptionistSettingsRepository receptionistSettings;

    @Inject
    VoicemailRepository voicemails;

    @Inject
    TelephonyRepository telephony;

    @Inject
    CallRouter router;

    @Inject
    Receptionist receptionist;

    @Inject
    RealtimeReception realtime;

    @Inject
    QueueDesk queueDesk;

    @Inject
    Clock clock;

    @Override
    public CallScript incoming(IncomingCall incoming) {
        Call call = calls.storeIfNew(Call.inbound(incoming.callSid(), incoming.from(), incoming.to(), incoming.at(),
                incoming.stirVerstat(), incoming.callToken()));
        if (!call.route().isEmpty()) {
            // Twilio retried the webhook: answer as before, from what was recorded, without new steps
            return replay(call);
        }
        Instant now = clock.instant();

        CreditBalance balance = ledger.balance(BillingPeriod.containing(now));
        Plan.Degradation degradation = ledger.plan().map(Plan::degradation).orElse(Plan.Degradation.VOICEMAIL_ONLY);
        if (balance.isExhausted()) {
            call.recordStep(RouteStep.CREDITS, "no minutes left: " + degradation.code(), now);
            if (degradation == Plan.Degradation.POLITE_MESSAGE) {
                return CallScript.of(router.voice().say("We are sorry, we cannot take your call at the moment. Please try again later. Goodbye."),
                        new Instruction.Hangup());
            }
            if (degradation == Plan.Degradation.VOICEMAIL_ONLY) {
                return router.toReceptionVoicemail(call, "no minutes left");
            }
        } else {
            call.recordStep(RouteStep.CREDITS, balance.remainingMinutes() + " of " + balance.includedMinutes() + " minutes left", now);
        }

        SpamVerdict verdict = screening.screen(incoming.from(), incoming.to(), incoming.stirVerstat(), incoming.at(),
                call.twilioCallSid());
        call.screened(verdict.score(), verdict.action().name().toLowerCase(Locale.ROOT), verdict.reasons());
        call.recordStep(RouteStep.SPAM, verdict.action().name().toLowerCase(Locale.ROOT) + " (score " + verdict.score() + ")"
                + (verdict.reasons().isEmpty() ? "" : ": " + String.join("; ", verdict.reasons())), now);
        if (verdict.action() == SpamAction.BLOCK) {
            call.recordStep(RouteStep.REJECTED, "blocked as spam", now);
            return CallScript.of(new Instruction.Reject());
        }
        if (verdict.action() == SpamAction.CHALLENGE) {
            return challenge(call);
        }
        return afterScreening(call);
    }

    @Override
    public CallScript challengeAnswered(String callSid, CallerInput input) {
        Call call = locked(callSid);
        Instant now = clock.instant();
        if (call.answerChallenge(input.digits().orElse(""))) {
            call.recordStep(RouteStep.CHALLENGE, "passed", now);
            return afterScreening(call);
        }
        if (call.failedChallenges() < CHALLENGE_TRIES) {
            call.recordStep(RouteStep.CHALLENGE, "wrong or no digit, asked again", now);
            return challenge(call);
        }
        call.recordStep(RouteStep.CHALLENGE, "failed " + call.failedChallenges() + " times", now);
        call.recordStep(RouteStep.REJECTED, "spam challenge failed", now);
        return CallScript.of(router.voice().say("Goodbye."), new Instruction.Hangup());
    }

    @Override
    public CallScript greetingAnswered(String callSid, CallerInput input) {
        Call call = locked(callSid);
        Instant now = clock.instant();
        Optional<String> digits = input.digits().map(d -> d.replace("#", "").replace("*", "")).filter(d -> !d.isEmpty());
        if (digits.isEmpty()) {
            // words said during the greeting are the caller's first turn with the receptionist
            return input.speech().isPresent() ? receptionistOrOperator(call, input) : receptionistOrOperator(call);
        }
        if (digits.get().equals("0")) {
            call.recordStep(RouteStep.EXTENSION, "0: the operator", now);
            return router.toOperator(call);
        }
        Optional<Agent> agent = Extension.tryParse(digits.get()).flatMap(agents::findByExtension);
        if (agent.isEmpty()) {
            call.recordStep(RouteStep.EXTENSION, digits.get() + ": no such extension", now);
            return receptionistOrOperator(call).prepend(router.voice().say("Sorry, there is no extension " + spaced(digits.get()) + "."));
        }
        // Property 9: straight to the agent, the receptionist never sees this call
        call.recordStep(RouteStep.EXTENSION, digits.get() + ": " + agent.get().name(), now);
        return router.toAgent(call, agent.get());
    }

    @Override
    public CallScript receptionist(String callSid) {
        return receptionistOrOperator(locked(callSid));
    }

    @Override
    public CallScript receptionistAnswered(String callSid, CallerInput input, Map<String, String> context) {
        return receptionist.answered(locked(callSid), input, context);
    }

    @Override
    public CallScript queueWait(String callSid, CallerInput input) {
        Call call = locked(callSid);
        Optional<com.voicecore.domain.model.queue.QueueEntry> entry = queueDesk.entryOf(call);
        if (entry.isEmpty()) {
            return router.fallback(call);
        }
        if (entry.get().state() == com.voicecore.domain.model.queue.QueueState.BRIDGING) {
            return queueBridge(callSid); // the accept's redirect raced this turn: connect now
        }
        Optional<Department> department = departments.find(entry.get().departmentId());
        if (department.isEmpty() || !entry.get().state().isQueued()) {
            return router.politeGoodbye(call);
        }
        Instant now = clock.instant();
        String reason = null;
        if (input.digits().filter(QueueDesk.VOICEMAIL_KEY::equals).isPresent()) {
            reason = "the caller chose to leave a message";
        } else if (!entry.get().waited(now).minus(queueDesk.maxWait()).isNegative()) {
            reason = "the maximum wait was reached";
        } else if (!queueDesk.hasLoggedInAgents(department.get())) {
            reason = "no agent of " + department.get().name() + " is logged in";
        }
        if (reason != null) {
            queueDesk.leaveForVoicemail(entry.get());
            return router.toVoicemail(call, department.get(), null, reason);
        }
        return queueDesk.waitTurn(entry.get(), router.voice(call), false);
    }

    @Override
    public CallScript queueBridge(String callSid) {
        Call call = locked(callSid);
        return queueDesk.bridge(call, router.voice(call), router.recordingEnabled(), router.dialTimeout())
                .orElseGet(() -> queueDesk.waiting(call).map(e -> queueDesk.waitTurn(e, router.voice(call), false))
                        .orElseGet(() -> router.politeGoodbye(call)));
    }

    @Override
    public CallScript dialEnded(String callSid, String dialCallStatus, Map<String, String> context) {
        return dialEnded(callSid, dialCallStatus, null, context);
    }

    @Override
    public CallScript dialEnded(String callSid, String dialCallStatus, Integer dialCallDuration, Map<String, String> context) {
        Call call = locked(callSid);
        Instant now = clock.instant();
        String status = dialCallStatus == null ? "failed" : dialCallStatus.toLowerCase(Locale.ROOT);
        boolean answered = status.equals("completed") || status.equals("answered");
        if (context.containsKey(QueueDesk.ENTRY)) {
            // the bridge of a queued caller: answered ends the wait; unanswered, the caller waits again
            call.recordStep(RouteStep.AGENT, answered ? "answered" : "agent's phone: " + status, now);
            if (queueDesk.bridgeEnded(call, answered, dialCallDuration)) {
                return queueDesk.waiting(call).map(e -> queueDesk.waitTurn(e, router.voice(call), false))
                        .orElseGet(() -> CallScript.of(new Instruction.Hangup()));
            }
            return CallScript.of(new Instruction.Hangup());
        }
        if (answered) {
            call.recordStep(RouteStep.AGENT, "answered", now);
            return CallScript.of(new Instruction.Hangup());
        }
        Optional<Agent> agent = CallRouter.uuid(context.get(CallRouter.AGENT)).flatMap(agents::find);
        Optional<Department> department = CallRouter.uuid(context.get(CallRouter.DEPARTMENT)).flatMap(departments::find)
                .or(departments::findReception);
        call.recordStep(RouteStep.AGENT, agent.map(Agent::name).orElse("the call") + ": " + status, now);
        if (department.isEmpty()) {
            return router.politeGoodbye(call);
        }
        return router.toVoicemail(call, department.get(), agent.orElse(null), agent.map(Agent::name).orElse("nobody") + " did not answer");
    }

    @Override
    public CallScript transferred(String callSid, String to) {
        Call call = locked(callSid);
        Optional<PhoneNumber> number = PhoneNumber.tryParse(to == null ? "" : to);
        if (number.isEmpty()) {
            return router.fallback(call);
        }
        return CallScript.of(router.voice(call).say(Phrase.HOLD_FOR_TRANSFER),
                new Instruction.Dial(List.of(new DialTarget.Number(number.get().e164())),
                        call.fromNumber(), router.dialTimeout(), false, Step.DIAL_RESULT, Map.of("transfer", "true")));
    }

    @Override
    public CallScript realtimeEnded(String callSid) {
        return realtime.outcome(locked(callSid));
    }

    @Override
    public CallScript voicemailRecorded(String callSid, RecordingReport recording, Map<String, String> context) {
        Call call = locked(callSid);
        Optional<Department> department = CallRouter.uuid(context.get(CallRouter.DEPARTMENT)).flatMap(departments::find);
        if (department.isPresent() && recording.durationSeconds() > 0) {
            UUID agent = CallRouter.uuid(context.get(CallRouter.AGENT)).flatMap(agents::find).map(Agent::id).orElse(null);
            voicemails.storeIfNew(new Voicemail(call, department.get().id(), agent, recording.recordingSid(),
                    recording.url(), recording.durationSeconds()));
        }
        return CallScript.of(router.voice(call).say(Phrase.MESSAGE_THANKS), new Instruction.Hangup());
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CallScript fallback(String callSid, String from, String to) {
        // the failed transaction took a new call with it: record it again, so the fallback is the tenant's
        Optional<Call> call = callSid == null || callSid.isBlank() ? Optional.empty()
                : Optional.of(calls.storeIfNew(Call.inbound(callSid, from, to, clock.instant(), null, null)));
        if (call.isEmpty()) {
            return CallScript.of(CallVoice.DEFAULT.say("We are sorry, something went wrong. Please call again later. Goodbye."),
                    new Instruction.Hangup());
        }
        return router.fallback(call.get());
    }

    // ---------------------------------------------------------------------------------------

    private CallScript challenge(Call call) {
        int digit = call.challengeDigit(() -> RANDOM.nextInt(10));
        CallVoice voice = router.voice();
        return CallScript.of(
                new Instruction.Gather(Step.CHALLENGE, Map.of(), 1, 6, false, voice.language(),
                        List.of(voice.say("To be connected, please press " + digit + " now."))),
                new Instruction.Redirect(Step.CHALLENGE, Map.of()));
    }

    private CallScript afterScreening(Call call) {
        Instant now = clock.instant();
        OpeningState hours = router.openingState(null, now);
        call.recordStep(RouteStep.HOURS, hours.reason(), now);
        if (!hours.isOpen()) {
            return router.toReceptionVoicemail(call, "closed").prepend(router.voice().say("We are closed right now."));
        }
        return greeting(call);
    }

    private CallScript greeting(Call call) {
        CallVoice voice = router.voice();
        ReceptionistSettings settings = receptionistSettings.current().orElse(null);
        call.recordStep(RouteStep.GREETING, "extension digits accepted", clock.instant());
        List<Instruction.Say> prompts = new ArrayList<>();
        prompts.add(voice.say(settings == null ? "Thank you for calling." : settings.greeting()));
        if (router.recordingEnabled()) {
            prompts.add(voice.say("This call may be recorded."));
        }
        prompts.add(voice.say("If you know the extension of the person you are calling, dial it now. For the operator, press 0."));
        return CallScript.of(
                // speech too: the greeting asks "how can I help you?", and the answer goes to the receptionist
                new Instruction.Gather(Step.GREETING, Map.of(), 0, 3, true, voice.language(), prompts),
                new Instruction.Redirect(Step.RECEPTIONIST, Map.of()));
    }

    private CallScript receptionistOrOperator(Call call) {
        return receptionistOrOperator(call, null);
    }

    /** With {@code firstWords}, the receptionist answers them instead of welcoming the caller. */
    private CallScript receptionistOrOperator(Call call, CallerInput firstWords) {
        Instant now = clock.instant();
        // the month's usage is only summed when the plan would switch the receptionist off
        boolean receptionistOff = ledger.plan().map(Plan::degradation).orElse(null) == Plan.Degradation.RECEPTIONIST_OFF
                && ledger.balance(BillingPeriod.containing(now)).isExhausted();
        if (receptionistOff) {
            call.recordStep(RouteStep.RECEPTIONIST, "off: no minutes left", now);
            return router.toOperator(call);
        }
        // a number dedicated to one department (a sales line) skips the receptionist
        Optional<Department> dedicated = telephony.numberByE164(call.toNumber())
                .flatMap(TenantPhoneNumber::departmentId).flatMap(departments::find);
        if (dedicated.isPresent()) {
            call.recordStep(RouteStep.RECEPTIONIST, "skipped: " + call.toNumber() + " is " + dedicated.get().name() + "'s line", now);
            return router.toDepartment(call, dedicated.get());
        }
        // realtime voice when the tenant has it and a place is free (words said during the greeting are
        // asked again by the realtime receptionist); otherwise the turn-based receptionist
        java.util.Optional<CallScript> streamed = realtime.offer(call);
        if (streamed.isPresent()) {
            return streamed.get();
        }
        return firstWords == null ? receptionist.welcome(call) : receptionist.answered(call, firstWords, Map.of());
    }

    /** What a retried incoming webhook answers: the same first step, nothing recorded twice. */
    private CallScript replay(Call call) {
        if (call.hasEnded()) {
            return CallScript.of(new Instruction.Hangup());
        }
        if (call.passedThrough(RouteStep.REJECTED)) {
            return CallScript.of(new Instruction.Reject());
        }
        if (call.passedThrough(RouteStep.GREETING)) {
            return CallScript.of(new Instruction.Redirect(Step.RECEPTIONIST, Map.of()));
        }
        if (call.spamAction().filter("challenge"::equals).isPresent() && !call.passedThrough(RouteStep.CHALLENGE)) {
            return challenge(call);
        }
        return CallScript.of(router.voice().say("Please hold."), new Instruction.Redirect(Step.RECEPTIONIST, Map.of()));
    }

    private Call locked(String callSid) {
        return calls.lockBySid(callSid)
                .orElseThrow(() -> new IllegalStateException("No call " + callSid + " for this tenant"));
    }

    private static String spaced(String digits) {
        return String.join(" ", digits.split(""));
    }
}
