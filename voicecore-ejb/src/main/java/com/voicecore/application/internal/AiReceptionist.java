package com.voicecore.application.internal;

import com.voicecore.application.CallHandover;
import com.voicecore.application.CallerInput;
import com.voicecore.application.Receptionist;
import com.voicecore.application.TurnDraft;
import com.voicecore.domain.model.agent.AgentRepository;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.RouteStep;
import com.voicecore.domain.model.conversation.Conversation;
import com.voicecore.domain.model.conversation.ConversationPolicy;
import com.voicecore.domain.model.conversation.ConversationPolicy.Decision;
import com.voicecore.domain.model.conversation.LanguageDetection;
import com.voicecore.domain.model.conversation.Phrase;
import com.voicecore.domain.model.conversation.Phrasebook;
import com.voicecore.domain.model.department.DepartmentRepository;
import com.voicecore.domain.model.knowledge.KnowledgeMatch;
import com.voicecore.domain.model.routing.CallScript;
import com.voicecore.domain.model.routing.Instruction;
import com.voicecore.domain.model.routing.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The AI receptionist on the turn-based transport: {@code <Gather input="speech dtmf">} loops in the
 * caller's language, each answer decided by the {@link ConversationPolicy} over the tenant's
 * knowledge base and directory, each turn stored on the conversation in the webhook's transaction.
 * Hand-overs go through {@link CallHandover}. State lives in the database, not in the step URLs, so a
 * retried or replayed webhook cannot reset the attempts.
 */
@ApplicationScoped
public class AiReceptionist implements Receptionist {

    static final String TRANSPORT = "turn_based";
    /** Seconds of silence before Twilio gives up on the caller's answer. */
    static final int LISTEN_SECONDS = 5;

    @Inject
    ConversationRecorder recorder;

    @Inject
    LanguageDetection detection;

    @Inject
    CallerWordsScreen callerWords;

    @Inject
    DepartmentRepository departments;

    @Inject
    AgentRepository agents;

    @Inject
    CallHandover handover;

    @Inject
    Clock clock;

    @Override
    public CallScript welcome(Call call) {
        Conversation conversation = open(call);
        return listen(conversation, opening(conversation));
    }

    @Override
    public CallScript answered(Call call, CallerInput input, Map<String, String> context) {
        Exchange exchange = converse(call, input);
        Conversation conversation = exchange.conversation();
        Decision decision = exchange.decision();
        Instruction.Say reply = say(conversation, decision.reply());
        return switch (decision.kind()) {
            case CONTINUE -> listen(conversation, decision.reply());
            case END -> CallScript.of(reply, new Instruction.Hangup());
            case HAND_OVER -> handOver(call, decision).prepend(reply);
        };
    }

    /** One exchange as the policy decided it, already stored on the conversation; nothing routed yet. */
    record Exchange(Conversation conversation, Decision decision) {
    }

    /** The receptionist picks up: the call's conversation, opened in the tenant's default language. */
    Conversation open(Call call) {
        enter(call);
        return recorder.open(call, TRANSPORT);
    }

    /** The receptionist's first words, in the conversation's language. */
    static String opening(Conversation conversation) {
        return Phrasebook.say(Phrase.HOW_CAN_I_HELP, conversation.language());
    }

    /**
     * The caller's answer through the conversation policy (knowledge base, languages, directory, spam
     * keywords): the turn is stored, the outcome concluded and the route noted, but the hand-over
     * (if any) is left to the caller of this method, so the console's test calls can show where a call
     * would go without ringing anyone.
     */
    Exchange converse(Call call, CallerInput input) {
        long started = System.nanoTime();
        Conversation conversation = open(call);
        ConversationPolicy policy = new ConversationPolicy(recorder.served(), detection, recorder::directory,
                recorder::best, words -> callerWords.blocks(call, words), recorder::transferRules);
        Decision decision = policy.decide(conversation,
                new ConversationPolicy.Input(input.speech(), input.digits(), input.confidence()));
        int serverMillis = (int) ((System.nanoTime() - started) / 1_000_000);
        String callerText = input.speech().orElse(input.digits().map(d -> "(keys " + d + ")").orElse(null));
        recorder.record(call, conversation, TurnDraft.turnBased(callerText, decision.reply(), decision.language(), decision.intent(),
                decision.answer().map(KnowledgeMatch::entryId).orElse(null), input.confidence().orElse(null), serverMillis));
        decision.outcome().ifPresent(o -> conversation.conclude(o, decision.target().map(ConversationPolicy.Target::name)
                .orElse(decision.intent().code())));
        call.recordStep(RouteStep.RECEPTIONIST, describe(decision, conversation), clock.instant());
        return new Exchange(conversation, decision);
    }

    private void enter(Call call) {
        if (!call.passedThrough(RouteStep.RECEPTIONIST)) {
            call.recordStep(RouteStep.RECEPTIONIST, "AI receptionist (turn-based)", clock.instant());
        }
    }

    private CallScript handOver(Call call, Decision decision) {
        ConversationPolicy.Target target = decision.target().orElseThrow();
        return switch (target.kind()) {
            case DEPARTMENT -> target.id().flatMap(departments::find)
                    .map(d -> handover.toDepartment(call, d)).orElseGet(() -> handover.toOperator(call));
            case AGENT -> target.id().flatMap(agents::find)
                    .map(a -> handover.toAgent(call, a)).orElseGet(() -> handover.toOperator(call));
            case OPERATOR -> handover.toOperator(call);
            case VOICEMAIL -> target.id().flatMap(departments::find).or(departments::findReception)
                    .map(to -> handover.toVoicemail(call, to, null, target.rule()
                            .map(r -> "transfer rule " + r).orElse("the caller asked to leave a message")))
                    .orElseGet(() -> handover.toOperator(call));
        };
    }

    private CallScript listen(Conversation conversation, String prompt) {
        String tag = recorder.twilioLanguage(conversation.language());
        return CallScript.of(
                new Instruction.Gather(Step.RECEPTIONIST_INPUT, Map.of(), 0, LISTEN_SECONDS, true, tag,
                        List.of(say(conversation, prompt))),
                // nothing said: the same step with no input, which counts as an unsuccessful attempt
                new Instruction.Redirect(Step.RECEPTIONIST_INPUT, Map.of()));
    }

    private Instruction.Say say(Conversation conversation, String text) {
        return new Instruction.Say(text, recorder.twilioLanguage(conversation.language()), recorder.voiceFor(conversation.language()));
    }

    private static String describe(Decision d, Conversation c) {
        String what = switch (d.intent()) {
            case QUESTION -> d.answer().map(a -> "answered: " + a.question()).orElse("no answer");
            case DEPARTMENT, AGENT -> "asked for " + d.target().map(ConversationPolicy.Target::name).orElse("?");
            case EXTENSION -> d.target().map(t -> "extension: " + t.name()).orElse("no such extension");
            case OPERATOR -> "asked for a human";
            case MESSAGE -> "wants to leave a message";
            case END -> "said goodbye";
            case UNCLEAR -> "not understood";
            case SPAM -> "ended by a spam keyword";
            case RULE -> d.target().map(t -> "transfer rule \"" + t.rule().orElse("?") + "\" matched: "
                    + (t.kind() == ConversationPolicy.TargetKind.VOICEMAIL ? "voicemail of " : "") + t.name()).orElse("transfer rule");
        };
        String attempts = d.failedAttempt() ? " (unsuccessful attempt " + c.failedAttempts() + " of "
                + Conversation.MAX_FAILED_ATTEMPTS + ")" : "";
        String next = d.kind() == ConversationPolicy.Kind.HAND_OVER && d.failedAttempt() ? ": customer service" : "";
        return c.language() + ", " + what + attempts + next;
    }
}
