package com.voicecore.domain.model.spam;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A tenant's spam screening policy: its active rules, the platform's signals, and the thresholds
 * that turn a score into an action. Built per call from the tenant's rules; immutable and
 * thread-safe (it copies what it needs from the rules, and compiles their patterns once).
 *
 * <p>The score is the sum of the matching rules' weights and of the signals' weights below, clamped
 * to 0..100. The action is the harshest of the matching rules' floors (flag: none, challenge,
 * block) and of what the score calls for ({@link SpamThresholds#actionFor}). Then two exceptions:
 * <ul>
 *   <li>A caller matching a number or pattern rule with action ALLOW is on the tenant's allow list:
 *       allowed with score 0, even if a block rule matches too. Buyers keep allow lists for their own
 *       staff, suppliers and key customers, and expect those calls to ring whatever else happens.</li>
 *   <li>A caller the carrier vouches for (STIR/SHAKEN passed with A) skips a challenge, but not a
 *       block: the number is theirs, so a robodialer spoofing it is ruled out; what they call about
 *       is not.</li>
 * </ul>
 * Rules are evaluated in the order given, so reasons come in that order, then the signals', then the
 * rules that were skipped.
 */
public final class SpamScreen {

    /** STIR/SHAKEN validation failed: the caller ID is probably spoofed. Challenges on its own. */
    public static final int STIR_FAILED_WEIGHT = 40;
    /** STIR/SHAKEN passed with A: the carrier vouches for the number (lowers the score). */
    public static final int STIR_A_WEIGHT = -20;
    /** Passed with C: the call came through a gateway that knows neither; robocalls mostly do. */
    public static final int STIR_C_WEIGHT = 5;
    /** No caller ID: legitimate callers do this too (clinics, police), so it flags only with more. */
    public static final int WITHHELD_WEIGHT = 15;
    /** A caller ID that cannot exist (country code 0, wrong length, undiallable NANP): made up. */
    public static final int INVALID_NUMBER_WEIGHT = 30;
    /** Neighbour spoofing: the caller ID imitates a local number to get answered. */
    public static final int NEIGHBOUR_WEIGHT = 20;
    /** Velocity at the threshold; each further call adds {@link #VELOCITY_STEP}, up to {@link #VELOCITY_MAX}. */
    public static final int VELOCITY_WEIGHT = 20;
    public static final int VELOCITY_STEP = 5;
    public static final int VELOCITY_MAX = 40;
    /** Reported by enough other tenants: strong, but challenges rather than blocks on its own, since
     * reports can be wrong or malicious and a person can pass the challenge. */
    public static final int PLATFORM_LISTED_WEIGHT = 50;

    /** The longest pattern rule (the rule_value column). */
    public static final int MAX_PATTERN_LENGTH = 500;
    /** The most instructions a pattern may expand to (see {@link RegexSize}); phone patterns need few. */
    static final long MAX_PATTERN_SIZE = 10_000;
    /** The most of one utterance that keyword rules read: a turn of speech is far shorter. */
    public static final int MAX_UTTERANCE_LENGTH = 10_000;

    private static final Pattern NUMBER_SEPARATORS = Pattern.compile("[\\s().-]");
    private static final Pattern NUMBER_SHAPE = Pattern.compile("\\+?[0-9]*\\*?");
    private static final Pattern BACKREFERENCE = Pattern.compile("\\\\[1-9]");
    private static final Pattern LOOKAROUND = Pattern.compile("\\(\\?<?[=!]");

    private final List<ScreenRule> callerRules;
    private final List<ScreenRule> keywordRules;
    private final List<String> problems;
    private final SpamThresholds thresholds;

    /**
     * Inactive rules are ignored. A rule that cannot be used (an invalid or oversized pattern, a
     * keyword with no words) is skipped, and said so in {@link #problems()} and in every verdict's
     * reasons: a bad rule must not stop calls from being screened, nor go unnoticed.
     */
    public SpamScreen(Collection<SpamRule> rules, SpamThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        List<ScreenRule> byCaller = new ArrayList<>();
        List<ScreenRule> byKeyword = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (SpamRule rule : Objects.requireNonNull(rules, "rules")) {
            if (rule == null || !rule.isActive()) {
                continue;
            }
            switch (rule.type()) {
                case NUMBER -> byCaller.add(new ScreenRule(rule, true, numberMatcher(rule.value())));
                case PATTERN -> {
                    CheckedPattern checked = check(rule.value());
                    if (checked.pattern() == null) {
                        skipped.add("skipped pattern rule " + rule.value() + ": " + checked.problem());
                    } else {
                        Pattern pattern = checked.pattern();
                        byCaller.add(new ScreenRule(rule, false, id -> pattern.matcher(id).find()));
                    }
                }
                case KEYWORD -> {
                    String phrase = SpokenText.normalise(rule.value());
                    if (phrase.isEmpty()) {
                        skipped.add("skipped keyword rule \"" + rule.value() + "\": it has no words to listen for");
                    } else {
                        byKeyword.add(new ScreenRule(rule, false, text -> SpokenText.says(text, phrase)));
                    }
                }
            }
        }
        this.callerRules = List.copyOf(byCaller);
        this.keywordRules = List.copyOf(byKeyword);
        this.problems = List.copyOf(skipped);
    }

    /**
     * Why this regular expression cannot be a pattern rule, in words for the person who wrote it; empty
     * when it can. Patterns are RE2 syntax, matched (found anywhere, so anchor with ^ and $) against
     * the caller ID as Twilio sends it, e.g. {@code ^\+1(900|976)}.
     */
    public static Optional<String> patternProblem(String regex) {
        return Optional.ofNullable(check(regex).problem());
    }

    /** Exactly one of the two is null. */
    private record CheckedPattern(Pattern pattern, String problem) {
    }

    private static CheckedPattern check(String regex) {
        if (regex == null || regex.isBlank()) {
            return new CheckedPattern(null, "a pattern rule needs a regular expression");
        }
        if (regex.length() > MAX_PATTERN_LENGTH) {
            return new CheckedPattern(null, "the pattern is longer than " + MAX_PATTERN_LENGTH + " characters");
        }
        // before compiling: compiling is where an oversized pattern would take the memory
        if (RegexSize.estimate(regex) > MAX_PATTERN_SIZE) {
            return new CheckedPattern(null,
                    "the pattern is too large once its repetitions are expanded; use fewer or smaller {n} counts");
        }
        try {
            return new CheckedPattern(Pattern.compile(regex), null);
        } catch (PatternSyntaxException e) {
            return new CheckedPattern(null, "not a valid regular expression (" + e.getDescription() + ": "
                    + e.getPattern() + ")" + hint(e.getDescription(), regex));
        } catch (RuntimeException e) {
            // RE2/J documents only PatternSyntaxException; a rule must never stop calls whatever it throws
            return new CheckedPattern(null, "not a valid regular expression");
        }
    }

    private static String hint(String description, String regex) {
        if (description.contains("escape sequence") && BACKREFERENCE.matcher(regex).find()) {
            return "; back-references such as \\1 are not supported: they cannot be matched in linear time";
        }
        if (LOOKAROUND.matcher(regex).find()) {
            return "; look-ahead and look-behind are not supported: they cannot be matched in linear time";
        }
        return "";
    }

    /**
     * Why this rule cannot be stored, in words for the person who wrote it; empty when it can. Checks
     * what the database cannot: the value fits the type, and the action makes sense for it.
     */
    public static Optional<String> ruleProblem(SpamRule.Type type, String value, SpamRule.Action action) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(action, "action");
        if (value == null || value.isBlank()) {
            return Optional.of("a spam rule needs a value");
        }
        return switch (type) {
            case NUMBER -> Optional.empty();
            case PATTERN -> patternProblem(value);
            case KEYWORD -> {
                if (action == SpamRule.Action.ALLOW) {
                    // anyone could say it: speech cannot prove who is calling
                    yield Optional.of("a keyword cannot allow a caller: anyone can say it; allow their number instead");
                }
                yield SpokenText.normalise(value).isEmpty()
                        ? Optional.of("a keyword rule needs letters or digits to listen for") : Optional.empty();
            }
        };
    }

    /** The rules this screen skipped, and why. */
    public List<String> problems() {
        return problems;
    }

    public SpamThresholds thresholds() {
        return thresholds;
    }

    /** Screens a caller by number and pattern rules and by the signals, before the call is answered. */
    public SpamVerdict assess(CallerProfile caller) {
        Objects.requireNonNull(caller, "caller");
        String callerId = caller.callerId();
        String callerNumber = numberForm(callerId);
        List<String> reasons = new ArrayList<>();
        long score = 0;
        SpamAction floor = SpamAction.ALLOW;
        boolean allowListed = false;
        for (ScreenRule rule : callerRules) {
            if (rule.matcher().test(rule.byNumber() ? callerNumber : callerId)) {
                reasons.add(rule.reason());
                if (rule.action() == SpamRule.Action.ALLOW) {
                    allowListed = true;
                } else {
                    score += rule.weight();
                    floor = floor.atLeast(rule.floor());
                }
            }
        }
        if (allowListed) {
            reasons.add(0, SpamVerdict.ALLOW_LISTED);
            reasons.addAll(problems);
            return new SpamVerdict(0, reasons, SpamAction.ALLOW);
        }
        score += signals(caller, reasons);
        int clamped = clamp(score);
        SpamAction action = floor.atLeast(thresholds.actionFor(clamped));
        if (action == SpamAction.CHALLENGE && caller.isFullyAttested()) {
            action = SpamAction.ALLOW;
            reasons.add("challenge skipped: the carrier vouches for the number (STIR/SHAKEN A)");
        }
        reasons.addAll(problems);
        return new SpamVerdict(clamped, reasons, action);
    }

    private int signals(CallerProfile caller, List<String> reasons) {
        int score = 0;
        if (caller.stir().isPresent()) {
            StirVerification stir = caller.stir().get();
            if (!stir.passed()) {
                score += signal(reasons, STIR_FAILED_WEIGHT, "caller ID failed STIR/SHAKEN validation");
            } else if (stir.attestation() == StirAttestation.A) {
                score += signal(reasons, STIR_A_WEIGHT, "STIR/SHAKEN attestation A: the carrier vouches for the number");
            } else if (stir.attestation() == StirAttestation.C) {
                // (B, the carrier knows the caller but not the number, is no evidence either way)
                score += signal(reasons, STIR_C_WEIGHT, "STIR/SHAKEN attestation C: the carrier knows neither caller nor number");
            }
        }
        if (caller.isWithheld()) {
            score += signal(reasons, WITHHELD_WEIGHT, "caller ID withheld or unreadable");
        } else if (caller.hasInvalidNumber()) {
            score += signal(reasons, INVALID_NUMBER_WEIGHT, "caller ID is not a number that can exist");
        }
        if (caller.isCallingInBursts(thresholds)) {
            int extra = Math.min(caller.recentCallsFromNumber() - thresholds.velocityCallsPerWindow(), VELOCITY_MAX);
            score += signal(reasons, Math.min(VELOCITY_MAX, VELOCITY_WEIGHT + VELOCITY_STEP * extra),
                    caller.recentCallsFromNumber() + " earlier calls from this number within the velocity window");
        }
        if (caller.spoofsNeighbour()) {
            score += signal(reasons, NEIGHBOUR_WEIGHT,
                    "caller ID shares the called number's first " + CallingCodes.NEIGHBOUR_DIGITS
                            + " digits (neighbour spoofing)");
        }
        if (caller.isOnPlatformList(thresholds)) {
            score += signal(reasons, PLATFORM_LISTED_WEIGHT,
                    "reported as spam by " + caller.platformReports() + " other tenants");
        }
        return score;
    }

    private static int signal(List<String> reasons, int weight, String what) {
        reasons.add(what + " (" + (weight < 0 ? "" : "+") + weight + ")");
        return weight;
    }

    /**
     * Adds what the caller said to an earlier verdict on the same call (for the AI receptionist): each
     * keyword rule said adds its weight and names itself, and its action is a floor, as in
     * {@link #assess}. A rule already counted on this call is not counted again, so feeding every turn
     * in is safe. The action never drops below the earlier one; an allow-listed caller stays allowed.
     * A-attestation does not skip a challenge here: it proves the number, not what the call is about.
     */
    public SpamVerdict assessUtterance(SpamVerdict before, String callerSpeech) {
        Objects.requireNonNull(before, "before");
        if (callerSpeech == null || callerSpeech.isBlank() || keywordRules.isEmpty()) {
            return before;
        }
        String speech = callerSpeech.length() > MAX_UTTERANCE_LENGTH
                ? callerSpeech.substring(0, MAX_UTTERANCE_LENGTH) : callerSpeech;
        String text = SpokenText.normalise(speech);
        List<String> reasons = new ArrayList<>(before.reasons());
        long score = before.score();
        SpamAction floor = before.action();
        boolean changed = false;
        for (ScreenRule rule : keywordRules) {
            boolean allow = rule.action() == SpamRule.Action.ALLOW;
            // an allow keyword could be said by anyone (see ruleProblem): named, never counted
            String reason = allow ? rule.reason() + ", ignored: saying something cannot allow a caller" : rule.reason();
            if (reasons.contains(reason) || !rule.matcher().test(text)) {
                continue;
            }
            changed = true;
            reasons.add(reason);
            if (!allow) {
                score += rule.weight();
                floor = floor.atLeast(rule.floor());
            }
        }
        if (!changed) {
            return before;
        }
        if (before.isAllowListed()) {
            return new SpamVerdict(0, reasons, SpamAction.ALLOW);
        }
        int clamped = clamp(score);
        return new SpamVerdict(clamped, reasons, floor.atLeast(thresholds.actionFor(clamped)));
    }

    /**
     * Number rules match the caller ID exactly, or as a prefix when the value ends with '*'
     * ("+1900*"). Both sides are compared in {@link #numberForm}; letters ("anonymous") compare
     * without regard to case.
     */
    private static Predicate<String> numberMatcher(String value) {
        String wanted = numberForm(value);
        if (wanted.endsWith("*")) {
            String prefix = wanted.substring(0, wanted.length() - 1);
            return id -> id.regionMatches(true, 0, prefix, 0, prefix.length());
        }
        return id -> id.equalsIgnoreCase(wanted);
    }

    /** Without the spaces, dashes, dots and brackets people write numbers with ("+1 (415) 555-0100"). */
    private static String numberForm(String written) {
        String stripped = written.strip();
        String digits = NUMBER_SEPARATORS.matcher(stripped).replaceAll("");
        return NUMBER_SHAPE.matcher(digits).matches() ? digits : stripped;
    }

    private static int clamp(long score) {
        return (int) Math.max(0, Math.min(SpamVerdict.MAX_SCORE, score));
    }

    /** What the screen keeps of a rule: a copy, so a managed entity changing later cannot change it. */
    private record ScreenRule(SpamRule.Action action, int weight, String reason, boolean byNumber,
                              Predicate<String> matcher) {

        ScreenRule(SpamRule rule, boolean byNumber, Predicate<String> matcher) {
            this(rule.action(), rule.weight(), reasonFor(rule), byNumber, matcher);
        }

        SpamAction floor() {
            return switch (action) {
                case ALLOW, FLAG -> SpamAction.ALLOW;
                case CHALLENGE -> SpamAction.CHALLENGE;
                case BLOCK -> SpamAction.BLOCK;
            };
        }

        /** e.g. "matches block rule: number +1900* (weight 60)", with the rule's description if any. */
        static String reasonFor(SpamRule rule) {
            String type = rule.type().name().toLowerCase(Locale.ROOT);
            String value = rule.type() == SpamRule.Type.KEYWORD ? "\"" + rule.value() + "\"" : rule.value();
            String description = rule.description().map(d -> " – " + d).orElse("");
            return "matches " + rule.action().name().toLowerCase(Locale.ROOT) + " rule: " + type + " " + value
                    + description + " (weight " + rule.weight() + ")";
        }
    }
}
