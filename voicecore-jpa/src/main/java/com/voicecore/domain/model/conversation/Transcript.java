package com.voicecore.domain.model.conversation;

import com.voicecore.domain.model.call.RouteStep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A finished call's record for quality review: every turn in order ("Caller: …" / "Receptionist: …")
 * and a short summary (language, what was asked and answered, where the call went, how it ended).
 * A call that never reached the receptionist still gets one, from its route.
 */
public record Transcript(String text, String summary) {

    public static final int MAX_SUMMARY = 1000;

    public static Transcript of(Optional<Conversation> conversation, List<ConversationTurn> turns, List<RouteStep> route,
                                java.util.function.Function<java.util.UUID, Optional<String>> entryQuestion) {
        StringBuilder text = new StringBuilder();
        for (ConversationTurn turn : turns) {
            String caller = turn.callerText().orElse(turn.intent() == Intent.UNCLEAR ? "(silence)" : "(keys)");
            text.append("Caller: ").append(caller).append('\n');
            text.append("Receptionist: ").append(turn.replyText()).append('\n');
        }
        if (turns.isEmpty()) {
            text.append("(no conversation with the receptionist)\n");
        }
        List<String> parts = new ArrayList<>();
        conversation.ifPresent(c -> parts.add("Language: " + LanguageCode.englishName(c.language())
                + c.detectedLanguage().filter(d -> !d.equals(c.language()))
                        .map(d -> " (caller spoke " + LanguageCode.englishName(d) + ", not served)").orElse("") + "."));
        Set<String> answered = new LinkedHashSet<>();
        Set<String> unanswered = new LinkedHashSet<>();
        for (ConversationTurn turn : turns) {
            if (turn.knowledgeEntryId().isPresent()) {
                answered.add(entryQuestion.apply(turn.knowledgeEntryId().get()).orElse(turn.callerText().orElse("?")));
            } else if (turn.intent() == Intent.QUESTION && turn.callerText().isPresent()) {
                unanswered.add(turn.callerText().get());
            }
        }
        if (!answered.isEmpty()) {
            parts.add("Answered: " + String.join("; ", answered) + ".");
        }
        if (!unanswered.isEmpty()) {
            parts.add("Not answered: " + String.join("; ", unanswered) + ".");
        }
        route.stream().filter(s -> s.step().equals(RouteStep.DEPARTMENT) || s.step().equals(RouteStep.AGENT)
                        || s.step().equals(RouteStep.VOICEMAIL) || s.step().equals(RouteStep.REJECTED))
                .reduce((first, second) -> second)
                .ifPresent(last -> parts.add("Route: " + last.step() + " " + last.detail() + "."));
        conversation.flatMap(Conversation::outcome).ifPresent(o -> parts.add("Outcome: " + o.code()
                + conversation.get().outcomeDetail().map(d -> " (" + d + ")").orElse("") + "."));
        conversation.filter(c -> c.failedAttempts() > 0)
                .ifPresent(c -> parts.add(c.failedAttempts() + " unsuccessful attempt" + (c.failedAttempts() == 1 ? "" : "s") + "."));
        parts.add(turns.size() + " turn" + (turns.size() == 1 ? "" : "s") + ".");
        String summary = String.join(" ", parts);
        return new Transcript(text.toString().strip(), summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY) : summary);
    }
}
