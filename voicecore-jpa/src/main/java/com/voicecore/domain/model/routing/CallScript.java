package com.voicecore.domain.model.routing;

import java.util.ArrayList;
import java.util.List;

/** What the call does next: instructions in order. */
public record CallScript(List<Instruction> instructions) {

    public CallScript {
        instructions = List.copyOf(instructions);
    }

    public static CallScript of(Instruction... instructions) {
        return new CallScript(List.of(instructions));
    }

    /** This script with another's instructions after it. */
    public CallScript then(CallScript next) {
        List<Instruction> all = new ArrayList<>(instructions);
        all.addAll(next.instructions());
        return new CallScript(all);
    }

    public CallScript prepend(Instruction first) {
        List<Instruction> all = new ArrayList<>();
        all.add(first);
        all.addAll(instructions);
        return new CallScript(all);
    }
}
