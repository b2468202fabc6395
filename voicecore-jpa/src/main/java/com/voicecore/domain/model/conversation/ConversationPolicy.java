package com.voicecore.domain.model.conversation;

import com.voicecore.domain.model.knowledge.KnowledgeMatch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Decides the receptionist's answer to one caller turn, for any transport. The rules:
 * <ul>
 *   <li>the first utterance whose language is clear fixes the conversation's language; every reply is
 *       in that language (Property 4); a language the tenant does not serve gets an apology in the
 *       default language, which the conversation then keeps;</li>
 *   <li>keys: 0 is customer service, an extension is that agent;</li>
 *   <li>what the caller says is screened by the tenant's keyword spam rules first;</li>
 *   <li>goodbye ends, a message goes to voicemail, an extension is that agent; then the tenant's
 *       {@link TransferRules} (the first active rule whose phrase was said hands over to its target);
 *       then a person / department / human is handed over, a
 *       question is answered from the knowledge base;</li>
 *   <li>silence, unclear speech, a question without an answer, an unknown extension or a language not
 *       served are unsuccessful attempts: the third, exactly, hands the caller to customer service
 *       (Property 6).</li>
 * </ul>
 * The turn-based transport asks {@link #decide} per caller turn; the realtime transport, whose model
 * answers by itself, asks {@link #assess} with what the model's tools found. It mutates only the
 * {@link Conversation} it is given (language, attempts, answers).
 */
public final class ConversationPolicy {

    /** Below this recognition confidence (when Twilio reports one) the words are not trusted. */
    public static final double MIN_CONFIDENCE = 0.2;

    private final ServedLanguages served;
    private final LanguageDetection detection;
    private final Supplier<Directory> directory;
    private final BiFunction<String, String, Optional<KnowledgeMatch>> knowledge;
    private final Predicate<String> spamBlocks;
    private final Supplier<TransferRules> transferRules;

    /**
     * @param knowledge  the best knowledge-base answer to (words, language), if any is relevant enough
     * @param spamBlocks whether the tenant's keyword rules block a caller who says these words
     */
    public ConversationPolicy(ServedLanguages served, LanguageDetection detection, Directory directory,
                              BiFunction<String, String, Optional<KnowledgeMatch>> knowledge, Predicate<String> spamBlocks) {
        this(served, detection, () -> directory, knowledge, spamBlocks);
        Objects.requireNonNull(directory);
    }

    /** Without transfer rules. */
    public ConversationPolicy(ServedLanguages served, LanguageDetection detection, Supplier<Directory> directory,
                              BiFunction<String, String, Optional<KnowledgeMatch>> knowledge, Predicate<String> spamBlocks) {
        this(served, detection, directory, knowledge, spamBlocks, TransferRules::none);
    }

    /**
     * With the directory looked up only when a turn needs it (names, extensions), at most once; the
     * tenant's transfer rules likewise (only when the caller said something a rule could match).
     */
    public ConversationPolicy(ServedLanguages served, LanguageDetection detection, Supplier<Directory> directory,
                              BiFunction<String, String, Optional<KnowledgeMatch>> knowledge, Predicate<String> spamBlocks,
                              Supplier<TransferRules> transferRules) {
        this.served = Objects.requireNonNull(served);
        this.detection = Objects.requireNonNull(detection);
        Objects.requireNonNull(directory);
        Directory[] once = new Directory[1];
        this.directory = () -> {
            if (once[0] == null) {
                once[0] = Objects.requireNonNull(directory.get());
            }
            return once[0];
        };
        this.knowledge = Objects.requireNonNull(knowledge);
        this.spamBlocks = Objects.requireNonNull(spamBlocks);
        Objects.requireNonNull(transferRules);
        TransferRules[] rules = new TransferRules[1];
        this.transferRules = () -> {
            if (rules[0] == null) {
                rules[0] = Objects.requireNonNull(transferRules.get());
            }
            return rules[0];
        };
    }

    /** What the caller did this turn: keys, recognised words with their confidence, or nothing. */
    public record Input(Optional<String> speech, Optional<String> digits, Optional<Double> confidence) {

        public static Input speech(String text) {
            return new Input(Optional.ofNullable(text), Optional.empty(), Optional.empty());
        }

        public static Input keys(String digits) {
            return new Input(Optional.empty(), Optional.ofNullable(digits), Optional.empty());
        }

        public static Input silence() {
            return new Input(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    public enum Kind { CONTINUE, HAND_OVER, END }

    public enum TargetKind { DEPARTMENT, AGENT, OPERATOR, VOICEMAIL }

    /**
     * Where a hand-over goes; {@code id} is the department or agent (for VOICEMAIL the department,
     * none: the reception's); {@code rule} names the transfer rule that decided it, if one did.
     */
    public record Target(TargetKind kind, Optional<UUID> id, String name, Optional<String> rule) {

        public Target(TargetKind kind, Optional<UUID> id, String name) {
            this(kind, id, name, Optional.empty());
        }
    }

    /**
     * The decision: what to say (in {@code language}), what the caller wanted, and what happens next.
     * {@code unansweredQuestion} marks a question the knowledge base could not answer (a learning
     * suggestion); {@code outcome} is set when the decision settles how the conversation ends.
     */
    public record Decision(Kind kind, String reply, String language, Intent intent, Optional<KnowledgeMatch> answer,
                           Optional<Target> target, boolean failedAttempt, boolean unansweredQuestion,
                           Optional<Outcome> outcome) {
    }

    public Decision decide(Conversation conversation, Input input) {
        Optional<String> speech = input.speech().map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> digits = input.digits().map(d -> d.replace("#", "").replace("*", "")).filter(d -> !d.isEmpty());
        if (digits.isPresent()) {
            return keyed(conversation, digits.get());
        }
        // words Twilio itself does not trust neither fix the language nor count as anything said
        if (speech.isEmpty() || input.confidence().filter(c -> c < MIN_CONFIDENCE).isPresent()) {
            return failure(conversation, "", Phrasebook.say(Phrase.NOT_HEARD, conversation.language()), Intent.UNCLEAR, false);
        }
        String words = speech.get();
        Conversation.LanguageChoice choice = conversation.chooseLanguage(
                detection.detect(words, java.util.Set.copyOf(served.codes())), served);
        String language = conversation.language();
        // screened before anything else is said: a blocked caller gets no apology and no attempt
        if (spamBlocks.test(words)) {
            return new Decision(Kind.END, Phrasebook.say(Phrase.GOODBYE, language), language, Intent.SPAM, Optional.empty(),
                    Optional.empty(), false, false, Optional.of(Outcome.SPAM));
        }
        if (choice.madeNow() && !choice.served()) {
            String apology = Phrasebook.say(Phrase.UNSERVED, language, Phrasebook.languageList(served.codes(), language));
            return failure(conversation, apology, Phrasebook.say(Phrase.HOW_CAN_I_HELP, language), Intent.UNCLEAR, false);
        }
        Recognition recognition = IntentRecognizer.recognise(words, language, directory);
        // an admin's transfer rule comes after goodbye, a message and an extension (the caller said
        // exactly what they want) but before names and questions: the admin's explicit routing beats
        // the receptionist's own guess and any knowledge-base answer
        boolean explicit = recognition.intent() == Intent.END || recognition.intent() == Intent.MESSAGE
                || recognition.intent() == Intent.EXTENSION;
        if (!explicit) {
            Optional<Target> ruled = ruled(words);
            if (ruled.isPresent()) {
                return handOver(language, ruled.get().kind() == TargetKind.OPERATOR
                                ? Phrasebook.say(Phrase.CUSTOMER_SERVICE, language)
                                : ruled.get().kind() == TargetKind.VOICEMAIL ? Phrasebook.say(Phrase.MESSAGE, language)
                                : Phrasebook.say(Phrase.CONNECTING, language, ruled.get().name()),
                        Intent.RULE, ruled.get(), ruled.get().kind() == TargetKind.VOICEMAIL ? Outcome.MESSAGE : Outcome.TRANSFERRED,
                        false);
            }
        }
        return switch (recognition.intent()) {
            case END -> new Decision(Kind.END, Phrasebook.say(Phrase.GOODBYE, language), language, Intent.END, Optional.empty(),
                    Optional.empty(), false, false, Optional.of(conversation.answers() > 0 ? Outcome.RESOLVED : Outcome.ENDED));
            case MESSAGE -> handOver(language, Phrasebook.say(Phrase.MESSAGE, language), Intent.MESSAGE,
                    new Target(TargetKind.VOICEMAIL, Optional.empty(), "voicemail"), Outcome.MESSAGE, false);
            case EXTENSION -> keyed(conversation, recognition.extension().orElse(""));
            case AGENT -> handOver(language, Phrasebook.say(Phrase.CONNECTING, language, recognition.targetName().orElseThrow()),
                    Intent.AGENT, new Target(TargetKind.AGENT, recognition.target(), recognition.targetName().orElseThrow()),
                    Outcome.TRANSFERRED, false);
            case DEPARTMENT -> handOver(language, Phrasebook.say(Phrase.CONNECTING, language, recognition.targetName().orElseThrow()),
                    Intent.DEPARTMENT, new Target(TargetKind.DEPARTMENT, recognition.target(), recognition.targetName().orElseThrow()),
                    Outcome.TRANSFERRED, false);
            case OPERATOR -> toCustomerService(language, "", Intent.OPERATOR, false, false);
            default -> answer(conversation, words, language);
        };
    }

    /**
     * What the realtime model did for one caller turn, as its tool calls showed: knowledge-base
     * searches that found an answer or nothing, transfers whose department, person or extension does
     * not exist, and whether a transfer, a message or a goodbye was settled.
     */
    public record Assisted(int answersFound, int searchesWithoutAnswer, int unknownTargets, boolean settled) {

        public static final Assisted NOTHING = new Assisted(0, 0, 0, false);

        public Assisted {
            if (answersFound < 0 || searchesWithoutAnswer < 0 || unknownTargets < 0) {
                throw new IllegalArgumentException("Counts are never negative");
            }
        }
    }

    /**
     * Judges one caller turn of the realtime transport, where the model answered by itself and only its
     * tools show whether it helped. The same attempt rule as {@link #decide}: at most one unsuccessful
     * attempt per caller turn, and the third, exactly, hands the caller to customer service (successes in
     * between do not reset the count). Unsuccessful, unless a transfer, message or goodbye was settled:
     * the first clear words in a language the tenant does not serve; a search that found nothing (and none
     * that found something); a transfer to someone who does not exist; speech transcribed as nothing
     * usable ({@link IntentRecognizer}: unclear) with no tool that helped. A search that found an answer is
     * an answer given.
     *
     * @param utterances the caller's transcribed utterances in this turn, in order (blank: the caller
     *                   spoke and nothing usable was transcribed); none when the caller said nothing (the
     *                   greeting, a reply to nothing). The first clear one fixes the language, as
     *                   {@link #previewLanguage} told beforehand.
     * @return {@code failedAttempt} when this turn was unsuccessful, {@code HAND_OVER} to customer
     * service on the third; the reply is what VoiceCore itself says in the conversation's language
     */
    public Decision assess(Conversation conversation, List<String> utterances, Assisted assisted) {
        Objects.requireNonNull(assisted, "assisted");
        List<String> said = utterances.stream().map(String::strip).filter(u -> !u.isEmpty()).toList();
        // screened before anything else, as in a turn-based turn: a blocked caller's call ends, no attempt counted
        for (String utterance : said) {
            if (spamBlocks.test(utterance)) {
                String language = conversation.language();
                return new Decision(Kind.END, Phrasebook.say(Phrase.GOODBYE, language), language, Intent.SPAM, Optional.empty(),
                        Optional.empty(), false, false, Optional.of(Outcome.SPAM));
            }
        }
        if (!assisted.settled()) {
            // an admin's transfer rule decides over whatever the model said (the sentence being played finishes first)
            for (String utterance : said) {
                Optional<Target> ruled = ruled(utterance);
                if (ruled.isPresent()) {
                    conversation.chooseLanguage(detection.detect(utterance, java.util.Set.copyOf(served.codes())), served);
                    String language = conversation.language();
                    return handOver(language, "", Intent.RULE, ruled.get(),
                            ruled.get().kind() == TargetKind.VOICEMAIL ? Outcome.MESSAGE : Outcome.TRANSFERRED, false);
                }
            }
        }
        for (String utterance : said) {
            Conversation.LanguageChoice choice = conversation.chooseLanguage(
                    detection.detect(utterance, java.util.Set.copyOf(served.codes())), served);
            if (choice.madeNow() && !choice.served() && !assisted.settled()) {
                String language = conversation.language();
                String apology = Phrasebook.say(Phrase.UNSERVED, language, Phrasebook.languageList(served.codes(), language));
                return failure(conversation, apology, Phrasebook.say(Phrase.HOW_CAN_I_HELP, language), Intent.UNCLEAR, false);
            }
            if (conversation.isLanguageFixed()) {
                break;
            }
        }
        String language = conversation.language();
        if (assisted.settled()) {
            return helped(language, Intent.QUESTION);
        }
        if (assisted.answersFound() > 0) {
            conversation.answered();
            return helped(language, Intent.QUESTION);
        }
        if (assisted.searchesWithoutAnswer() > 0) {
            return failure(conversation, "", Phrasebook.say(Phrase.NO_ANSWER, language), Intent.QUESTION, true);
        }
        if (assisted.unknownTargets() > 0) {
            return failure(conversation, "", Phrasebook.say(Phrase.HOW_CAN_I_HELP, language), Intent.DEPARTMENT, false);
        }
        if (utterances.isEmpty()) {
            return helped(language, Intent.QUESTION); // nothing from the caller: not an attempt
        }
        Recognition recognition = IntentRecognizer.recognise(String.join(" ", said), language, directory);
        if (recognition.intent() == Intent.UNCLEAR) {
            return failure(conversation, "", Phrasebook.say(Phrase.NOT_HEARD, language), Intent.UNCLEAR, false);
        }
        return helped(language, recognition.intent());
    }

    /**
     * The language these words would fix, without fixing it (the realtime session is told at once; the
     * turn stored later with the same words fixes it through {@link #assess}).
     */
    public Conversation.LanguageChoice previewLanguage(Conversation conversation, String words) {
        return conversation.previewLanguage(detection.detect(words, java.util.Set.copyOf(served.codes())), served);
    }

    /**
     * The target of the first active transfer rule (by order) these words match whose department or
     * agent still exists; a rule whose target is gone is passed over, as if it were switched off.
     */
    private Optional<Target> ruled(String words) {
        TransferRules rules = transferRules.get();
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        for (TransferRule rule : rules.matches(words)) {
            Optional<Target> target = switch (rule.targetKind()) {
                case OPERATOR -> Optional.of(new Target(TargetKind.OPERATOR, Optional.empty(), "customer service"));
                case DEPARTMENT -> listed(directory.get().departments(), rule).map(l -> new Target(TargetKind.DEPARTMENT,
                        Optional.of(l.id()), l.name()));
                case VOICEMAIL -> listed(directory.get().departments(), rule).map(l -> new Target(TargetKind.VOICEMAIL,
                        Optional.of(l.id()), l.name()));
                case AGENT -> listed(directory.get().agents(), rule).map(l -> new Target(TargetKind.AGENT, Optional.of(l.id()), l.name()));
            };
            if (target.isPresent()) {
                Target t = target.get();
                return Optional.of(new Target(t.kind(), t.id(), t.name(), Optional.of(rule.name())));
            }
        }
        return Optional.empty();
    }

    private static Optional<Directory.Listing> listed(List<Directory.Listing> listings, TransferRule rule) {
        return rule.targetId().flatMap(id -> listings.stream().filter(l -> l.id().equals(id)).findFirst());
    }

    private static Decision helped(String language, Intent intent) {
        return new Decision(Kind.CONTINUE, "", language, intent, Optional.empty(), Optional.empty(), false, false,
                Optional.empty());
    }

    private Decision answer(Conversation conversation, String words, String language) {
        Optional<KnowledgeMatch> match = knowledge.apply(words, language);
        if (match.isEmpty()) {
            return failure(conversation, "", Phrasebook.say(Phrase.NO_ANSWER, language), Intent.QUESTION, true);
        }
        conversation.answered();
        return new Decision(Kind.CONTINUE, match.get().answer() + " " + Phrasebook.say(Phrase.ANYTHING_ELSE, language), language,
                Intent.QUESTION, match, Optional.empty(), false, false, Optional.empty());
    }

    private Decision keyed(Conversation conversation, String digits) {
        String language = conversation.language();
        if (digits.equals("0")) {
            return toCustomerService(language, "", Intent.OPERATOR, false, false);
        }
        Optional<Directory.Listing> agent = directory.get().byExtension(digits);
        if (agent.isPresent()) {
            return handOver(language, Phrasebook.say(Phrase.CONNECTING, language, agent.get().name()), Intent.EXTENSION,
                    new Target(TargetKind.AGENT, Optional.of(agent.get().id()), agent.get().name()), Outcome.TRANSFERRED, false);
        }
        return failure(conversation, Phrasebook.say(Phrase.NO_SUCH_EXTENSION, language, String.join(" ", digits.split(""))),
                Phrasebook.say(Phrase.HOW_CAN_I_HELP, language), Intent.EXTENSION, false);
    }

    /**
     * An unsuccessful attempt: say {@code lead} (may be empty) and ask {@code retry}, or on the third
     * say {@code lead} and hand the caller to customer service.
     */
    private Decision failure(Conversation conversation, String lead, String retry, Intent intent, boolean unanswered) {
        String language = conversation.language();
        String before = lead.isEmpty() ? "" : lead + " ";
        if (conversation.failedAttempt()) {
            return toCustomerService(language, before, intent, true, unanswered);
        }
        return new Decision(Kind.CONTINUE, before + retry, language, intent, Optional.empty(), Optional.empty(), true, unanswered,
                Optional.empty());
    }

    private Decision toCustomerService(String language, String before, Intent intent, boolean failed, boolean unanswered) {
        return new Decision(Kind.HAND_OVER, before + Phrasebook.say(Phrase.CUSTOMER_SERVICE, language), language, intent,
                Optional.empty(), Optional.of(new Target(TargetKind.OPERATOR, Optional.empty(), "customer service")),
                failed, unanswered, Optional.of(Outcome.TRANSFERRED));
    }

    private static Decision handOver(String language, String reply, Intent intent, Target target, Outcome outcome, boolean failed) {
        return new Decision(Kind.HAND_OVER, reply, language, intent, Optional.empty(), Optional.of(target), failed, false,
                Optional.of(outcome));
    }
}
