package com.voicecore.application.internal;

import com.voicecore.application.CallHandover;
import com.voicecore.application.CallerInput;
import com.voicecore.application.Receptionist;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.RouteStep;
import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.department.DepartmentRepository;
import com.voicecore.domain.model.routing.CallScript;
import com.voicecore.domain.model.routing.Instruction;
import com.voicecore.domain.model.routing.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The receptionist until the AI receptionist arrives: "For Sales, press 1 …", built from the
 * tenant's departments in name order (the reception is the operator, 0). Two silent or wrong
 * answers and the caller goes to the operator.
 */
@ApplicationScoped
public class DepartmentMenuReceptionist implements Receptionist {

    static final String ATTEMPT = "attempt";
    /** Context key of the department behind a menu key: k1, k2, … */
    static final String KEY = "k";
    /** A menu has keys 1–9; a tenant with more departments lists the first nine by name. */
    static final int MAX_ENTRIES = 9;

    @Inject
    DepartmentRepository departments;

    @Inject
    CallHandover handover;

    @Inject
    CallRouter router;

    @Inject
    Clock clock;

    @Override
    public CallScript welcome(Call call) {
        call.recordStep(RouteStep.RECEPTIONIST, "department menu", clock.instant());
        return menu(1);
    }

    @Override
    public CallScript answered(Call call, CallerInput input, Map<String, String> context) {
        int attempt = parseAttempt(context.get(ATTEMPT));
        String key = input.digits().map(d -> d.substring(0, 1)).orElse("");
        if (key.equals("0")) {
            call.recordStep(RouteStep.RECEPTIONIST, "pressed 0: the operator", clock.instant());
            return handover.toOperator(call);
        }
        // the menu the caller heard is in the context: a department added meanwhile does not shift the keys
        Optional<Department> choice = key.matches("[1-9]")
                ? CallRouter.uuid(context.get(KEY + key)).flatMap(departments::find)
                : Optional.empty();
        if (choice.isPresent()) {
            Department chosen = choice.get();
            call.recordStep(RouteStep.RECEPTIONIST, "pressed " + key + ": " + chosen.name(), clock.instant());
            return handover.toDepartment(call, chosen);
        }
        if (attempt >= 2) {
            call.recordStep(RouteStep.RECEPTIONIST, "no valid choice twice: the operator", clock.instant());
            return handover.toOperator(call);
        }
        call.recordStep(RouteStep.RECEPTIONIST, key.isEmpty() ? "no choice, asked again" : "pressed " + key + ", asked again",
                clock.instant());
        return menu(attempt + 1).prepend(router.voice().say(key.isEmpty() ? "Sorry, I did not hear a choice." : "Sorry, that is not an option."));
    }

    private CallScript menu(int attempt) {
        CallVoice voice = router.voice();
        List<Department> entries = entries();
        List<Instruction.Say> prompts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            prompts.add(voice.say("For " + entries.get(i).name() + ", press " + (i + 1) + "."));
        }
        prompts.add(voice.say("For the operator, press 0."));
        Map<String, String> context = new HashMap<>();
        context.put(ATTEMPT, Integer.toString(attempt));
        for (int i = 0; i < entries.size(); i++) {
            context.put(KEY + (i + 1), entries.get(i).id().toString());
        }
        return CallScript.of(
                new Instruction.Gather(Step.RECEPTIONIST_INPUT, context, 1, 5, false, voice.language(), prompts),
                new Instruction.Redirect(Step.RECEPTIONIST_INPUT, context));
    }

    private List<Department> entries() {
        return departments.findAll().stream().filter(d -> !d.isReception()).limit(MAX_ENTRIES).toList();
    }

    private static int parseAttempt(String value) {
        try {
            return value == null ? 1 : Math.max(1, Math.min(9, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
