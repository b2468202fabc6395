package com.voicecore.application.internal;

import com.voicecore.application.CallHandover;
import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.agent.AgentRepository;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.RouteStep;
import com.voicecore.domain.model.conversation.Conversation;
import com.voicecore.domain.model.conversation.ConversationRepository;
import com.voicecore.domain.model.conversation.LanguageCode;
import com.voicecore.domain.model.conversation.Phrase;
import com.voicecore.domain.model.conversation.Phrasebook;
import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.department.DepartmentRepository;
import com.voicecore.domain.model.phone.TelephonyRepository;
import com.voicecore.domain.model.phone.TelephonySettings;
import com.voicecore.domain.model.receptionist.ReceptionistSettings;
import com.voicecore.domain.model.receptionist.ReceptionistSettingsRepository;
import com.voicecore.domain.model.routing.CallScript;
import com.voicecore.domain.model.routing.DialTarget;
import com.voicecore.domain.model.routing.Instruction;
import com.voicecore.domain.model.routing.Step;
import com.voicecore.domain.model.schedule.BusinessCalendar;
import com.voicecore.domain.model.schedule.BusinessScheduleRepository;
import com.voicecore.domain.model.schedule.OpeningState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands calls to departments, agents and voicemail. Runs inside the caller's transaction (the EJB
 * services' tenant applies). Transfers never set a caller ID: the agent sees the caller's number.
 */
@ApplicationScoped
public class CallRouter implements CallHandover {

    static final String DEPARTMENT = "department";
    static final String AGENT = "agent";

    @Inject
    DepartmentRepository departments;

    @Inject
    AgentRepository agents;

    @Inject
    TelephonyRepository telephony;

    @Inject
    ReceptionistSettingsRepository receptionistSettings;

    @Inject
    BusinessScheduleRepository schedules;

    @Inject
    ConversationRepository conversations;

    @Inject
    ConversationRecorder recorder;

    @Inject
    Clock clock;

    @Inject
    QueueDesk queueDesk;

    @Override
    public CallScript toDepartment(Call call, Department department) {
        Instant now = clock.instant();
        OpeningState state = openingState(department.id(), now);
        call.recordStep(RouteStep.DEPARTMENT, department.name() + " (" + state.reason() + ")", now);
        if (!state.isOpen()) {
            return toVoicemail(call, department, null, department.name() + " is closed");
        }
        if (queueDesk.hasLoggedInAgents(department)) {
            // agents are logged in through the agent socket: the department's queue, and offers to them
            return queueDesk.enqueue(call, department, voice(call));
        }
        // no client logged in: an agent whose presence is set through the API (reachable at a phone of
        // their own, say) is rung directly, the longest idle first; otherwise the department's voicemail
        List<Agent> available = agents.findAvailableInDepartment(department.id());
        if (available.isEmpty()) {
            return toVoicemail(call, department, null, "no agent of " + department.name() + " is available");
        }
        Agent longestIdle = available.get(0);
        call.recordStep(RouteStep.AGENT, longestIdle.name() + " (longest idle in " + department.name() + ")", now);
        return dial(call, department, longestIdle);
    }

    @Override
    public CallScript toAgent(Call call, Agent agent) {
        Department department = agent.departmentId().flatMap(departments::find)
                .or(departments::findReception)
                .orElse(null);
        if (!agent.isAvailable()) {
            call.recordStep(RouteStep.AGENT, agent.name() + " is " + agent.status().code(), clock.instant());
            return department == null ? politeGoodbye(call) : toVoicemail(call, department, agent, agent.name() + " is not available");
        }
        call.recordStep(RouteStep.AGENT, agent.name(), clock.instant());
        return dial(call, department, agent);
    }

    @Override
    public CallScript toOperator(Call call) {
        return departments.findReception()
                .map(reception -> toDepartment(call, reception))
                .orElseGet(() -> politeGoodbye(call));
    }

    @Override
    public CallScript toVoicemail(Call call, Department department, Agent agent, String reason) {
        CallVoice voice = voice(call);
        call.recordStep(RouteStep.VOICEMAIL, department.name() + (agent == null ? "" : ", " + agent.name()) + ": " + reason,
                clock.instant());
        call.routeTo(department.id(), agent == null ? call.agentId().orElse(null) : agent.id());
        // the department's own greeting is written in the tenant's default language: only callers in that language hear it
        boolean defaultLanguage = receptionistSettings.current()
                .map(s -> LanguageCode.normalise(s.defaultLanguage()).equals(voice.phrasebook())).orElse(true);
        Instruction.Say greeting = agent != null
                ? voice.say(Phrase.AGENT_CANNOT_ANSWER, agent.name())
                : department.voicemailGreeting().filter(g -> defaultLanguage).map(voice::say)
                        .orElseGet(() -> voice.say(Phrase.LEAVE_MESSAGE_FOR, department.name()));
        int maxSeconds = telephony.settings().map(TelephonySettings::voicemailMaxSeconds)
                .orElse(TelephonySettings.DEFAULT_VOICEMAIL_MAX);
        return CallScript.of(
                greeting,
                new Instruction.RecordVoicemail(department.id(), Optional.ofNullable(agent).map(Agent::id), maxSeconds),
                voice.say(Phrase.NO_MESSAGE),
                new Instruction.Hangup());
    }

    /** The reception's voicemail; for a tenant without a reception department, a polite goodbye. */
    CallScript toReceptionVoicemail(Call call, String reason) {
        return departments.findReception()
                .map(reception -> toVoicemail(call, reception, null, reason))
                .orElseGet(() -> politeGoodbye(call));
    }

    /** The tenant's fallback: its fallback number, else the reception voicemail. */
    CallScript fallback(Call call) {
        Optional<TelephonySettings> settings = telephony.settings();
        CallVoice voice = voice(call);
        Instruction apology = voice.say(Phrase.WENT_WRONG_HOLD);
        Optional<String> fallbackNumber = settings.flatMap(TelephonySettings::fallbackNumber).map(n -> n.e164());
        if (fallbackNumber.isPresent()) {
            call.recordStep(RouteStep.FALLBACK, "fallback number", clock.instant());
            return CallScript.of(apology,
                    new Instruction.Dial(List.of(new DialTarget.Number(fallbackNumber.get())), call.fromNumber(),
                            dialTimeout(), false, Step.DIAL_RESULT, Map.of("fallback", "true")));
        }
        call.recordStep(RouteStep.FALLBACK, "reception voicemail", clock.instant());
        return toReceptionVoicemail(call, "fallback after an internal error").prepend(
                voice.say(Phrase.WENT_WRONG));
    }

    CallScript politeGoodbye(Call call) {
        call.recordStep(RouteStep.ENDED, "nobody can take the call", clock.instant());
        return CallScript.of(voice(call).say(Phrase.NOBODY_AVAILABLE),
                new Instruction.Hangup());
    }

    CallVoice voice() {
        return receptionistSettings.current().map(CallVoice::of).orElse(CallVoice.DEFAULT);
    }

    /**
     * How to speak to this caller (Property 4): in the language the receptionist's conversation
     * settled on, else the tenant's default language, with a voice of that language.
     */
    CallVoice voice(Call call) {
        Optional<String> language = conversations.findByCall(call.id()).map(Conversation::language)
                .or(() -> receptionistSettings.current().map(ReceptionistSettings::defaultLanguage))
                .map(LanguageCode::normalise).filter(Phrasebook::speaks);
        return language.map(l -> new CallVoice(recorder.twilioLanguage(l), recorder.voiceFor(l), l)).orElseGet(this::voice);
    }

    boolean recordingEnabled() {
        return receptionistSettings.current().map(ReceptionistSettings::recordingEnabled).orElse(false);
    }

    private CallScript dial(Call call, Department department, Agent agent) {
        call.routeTo(department == null ? null : department.id(), agent.id());
        Map<String, String> context = new LinkedHashMap<>();
        if (department != null) {
            context.put(DEPARTMENT, department.id().toString());
        }
        context.put(AGENT, agent.id().toString());
        DialTarget target = agent.phoneNumber()
                .<DialTarget>map(number -> new DialTarget.Number(number.e164()))
                .orElseGet(() -> new DialTarget.Client(agent.clientIdentity(),
                        Map.of("callerNumber", call.fromNumber(), "callSid", call.twilioCallSid())));
        return CallScript.of(new Instruction.Dial(List.of(target), call.fromNumber(), dialTimeout(), recordingEnabled(),
                Step.DIAL_RESULT, context));
    }

    int dialTimeout() {
        return telephony.settings().map(TelephonySettings::dialTimeoutSeconds).orElse(TelephonySettings.DEFAULT_DIAL_TIMEOUT);
    }

    /** An id from a step's context (our own URL, but still input): absent when it is not one. */
    static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    OpeningState openingState(UUID departmentId, Instant at) {
        Optional<BusinessCalendar> tenant = schedules.tenantCalendar();
        Optional<BusinessCalendar> own = departmentId == null ? Optional.empty() : schedules.departmentCalendar(departmentId);
        if (tenant.isEmpty() && own.isEmpty()) {
            return OpeningState.OPEN;
        }
        BusinessCalendar calendar = own.orElseGet(tenant::get);
        return calendar.stateAt(at);
    }
}
