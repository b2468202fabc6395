package com.voicecore.domain.model.spam;

import com.voicecore.testsupport.Generators;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Generators for spam screening. A generated scenario knows, by construction, which of its rules
 * match the caller and which signals it carries, so the properties can check the screen against that
 * knowledge instead of against a second implementation of the matching.
 */
final class SpamGenerators {

    static final String DIGITS = "0123456789";

    private SpamGenerators() {
    }

    /** A caller ID and what it is: a real-looking number (with its calling code), withheld, or impossible. */
    enum Kind { VALID, WITHHELD, INVALID }

    record Caller(Kind kind, String raw, String code, String national) {
    }

    /** How the called number relates to the caller's. */
    enum Relation { OTHER, NEIGHBOUR, SAME }

    /** A rule and whether it matches the generated caller (known from how it was built). */
    record GeneratedRule(SpamRule rule, boolean matches) {
        @Override
        public String toString() {
            return rule.type() + " " + rule.value() + " " + rule.action() + " " + rule.weight() + (matches ? " (matches)" : "");
        }
    }

    record Scenario(Caller caller, Relation relation, String called, Optional<StirVerification> stir, int recentCalls,
                    int platformReports, SpamThresholds thresholds, List<GeneratedRule> rules) {

        CallerProfile profile() {
            return new CallerProfile(caller.raw(), called, stir, recentCalls, platformReports);
        }

        List<GeneratedRule> matching() {
            return rules.stream().filter(GeneratedRule::matches).toList();
        }

        boolean matches(SpamRule.Action action) {
            return matching().stream().anyMatch(r -> r.rule().action() == action);
        }

        boolean fullyAttested() {
            return stir.map(s -> s.passed() && s.attestation() == StirAttestation.A).orElse(false);
        }

        /** No signal that raises the score: a real number, not local-looking, no failed or C stir, no burst, unlisted. */
        boolean raisesNoSignal() {
            boolean stirClean = stir.map(s -> s.passed() && s.attestation() != StirAttestation.C).orElse(true);
            return caller.kind() == Kind.VALID && relation != Relation.NEIGHBOUR && stirClean
                    && recentCalls < thresholds.velocityCallsPerWindow() && platformReports < thresholds.platformReportsToList();
        }
    }

    /** NANP numbers that can be dialled (NXX-NXX-XXXX, no N11 area code) and others from common calling codes. */
    static Gen<Caller> validCallers() {
        Gen<String> n = Generators.textOf("23456789", 1, 1);
        Gen<String> areaCode = n.zip(Generators.textOf(DIGITS, 2, 2), String::concat).assuming(a -> !a.endsWith("11"));
        Gen<Caller> nanp = areaCode.zip(n, Generators.textOf(DIGITS, 6, 6), (a, x, rest) -> a + x + rest)
                .map(national -> new Caller(Kind.VALID, "+1" + national, "1", national));
        Gen<Caller> others = Generate.pick(List.of("44", "49", "33", "61", "7", "353", "852", "91"))
                .zip(Generators.textOf("123456789", 1, 1), Generators.textOf(DIGITS, 8, 9),
                        (code, first, rest) -> new Caller(Kind.VALID, "+" + code + first + rest, code, first + rest));
        return nanp.mix(others, 40);
    }

    /** Withheld caller IDs as networks send them, and the junk some send instead. */
    static Gen<Caller> withheldCallers() {
        return Generate.pick(List.of("anonymous", "Anonymous", "Restricted", "RESTRICTED", "Unknown", "private",
                        "unavailable", "Unavailable", "266696687", "4155550100", "sip:bob", "+", "null"))
                .map(raw -> new Caller(Kind.WITHHELD, raw, null, null));
    }

    /** '+' and digits that no number can be: country code 0, too short, too long, undiallable NANP. */
    static Gen<Caller> invalidCallers() {
        Gen<String> zeroCode = Generators.textOf(DIGITS, 6, 12).map(d -> "+0" + d);
        Gen<String> tooShort = Generators.textOf("123456789", 1, 1).zip(Generators.textOf(DIGITS, 0, 5), (f, r) -> "+" + f + r);
        Gen<String> tooLong = Generators.textOf("123456789", 1, 1).zip(Generators.textOf(DIGITS, 15, 20), (f, r) -> "+" + f + r);
        Gen<String> badArea = Generators.textOf("01", 1, 1).zip(Generators.textOf(DIGITS, 9, 9), (f, r) -> "+1" + f + r);
        Gen<String> badExchange = Generators.textOf("23456789", 1, 1).zip(Generators.textOf(DIGITS, 2, 2),
                Generators.textOf("01", 1, 1), Generators.textOf(DIGITS, 6, 6), (a, b, x, r) -> "+1" + a + b + x + r);
        Gen<String> shortNanp = Generators.textOf(DIGITS, 9, 9).map(d -> "+12" + d.substring(1));
        return zeroCode.mix(tooShort, 20).mix(tooLong, 20).mix(badArea, 20).mix(badExchange, 20).mix(shortNanp, 15)
                .map(raw -> new Caller(Kind.INVALID, raw, null, null));
    }

    static Gen<Caller> callers() {
        return validCallers().mix(withheldCallers(), 15).mix(invalidCallers(), 15);
    }

    static Gen<Optional<StirVerification>> stirResults() {
        Gen<Optional<StirVerification>> some = booleans().all().zip(Generate.enumValues(StirAttestation.class),
                (passed, a) -> Optional.of(passed && a == StirAttestation.NONE
                        ? new StirVerification(true, StirAttestation.A) : new StirVerification(passed, a)));
        return Generate.constant(Optional.<StirVerification>empty()).mix(some, 50);
    }

    static Gen<SpamThresholds> thresholds() {
        Gen<SpamThresholds> any = integers().between(1, 100).zip(integers().between(0, 99), integers().between(1, 10),
                integers().between(1, 6), (c, gap, v, p) -> new SpamThresholds(c, Math.min(100, c + gap), v, p));
        return Generate.constant(SpamThresholds.defaults()).mix(any, 50);
    }

    /**
     * A rule built from the caller ID so that it matches (exact number, prefix*, anchored pattern), or
     * provably does not (a prefix that differs in its last character, a longer exact value), or a
     * keyword (never matched by a caller ID), or an invalid pattern (skipped).
     */
    static Gen<GeneratedRule> rulesFor(Caller caller) {
        String id = caller.raw().strip();
        Gen<SpamRule.Action> actions = Generate.enumValues(SpamRule.Action.class);
        Gen<Integer> weights = integers().between(0, 100).mix(Generate.pick(List.of(0, 1, 50, 99, 100)), 20);
        Gen<Integer> cut = integers().between(1, id.length());
        Gen<Integer> shapes = integers().between(0, 8);
        return shapes.zip(cut, actions, weights, (shape, k, action, weight) -> {
            String prefix = id.substring(0, k);
            String other = id.substring(0, k - 1) + differentFrom(id.charAt(k - 1));
            return switch (shape) {
                case 0 -> rule(SpamRule.Type.NUMBER, id, action, weight, true);
                case 1 -> rule(SpamRule.Type.NUMBER, prefix + "*", action, weight, true);
                case 2 -> rule(SpamRule.Type.NUMBER, id + "0", action, weight, false);
                case 3 -> rule(SpamRule.Type.NUMBER, other + "*", action, weight, false);
                case 4 -> rule(SpamRule.Type.PATTERN, "^" + com.google.re2j.Pattern.quote(prefix), action, weight, true);
                case 5 -> rule(SpamRule.Type.PATTERN, "^" + com.google.re2j.Pattern.quote(id) + "$", action, weight, true);
                case 6 -> rule(SpamRule.Type.PATTERN, "^" + com.google.re2j.Pattern.quote(other), action, weight, false);
                case 7 -> rule(SpamRule.Type.KEYWORD, "free cruise", action == SpamRule.Action.ALLOW ? SpamRule.Action.FLAG : action,
                        weight, false);
                default -> rule(SpamRule.Type.PATTERN, "^\\+?([0-9])\\1{6,}$", action, weight, false);
            };
        });
    }

    /** A character that differs from c even ignoring case. */
    private static char differentFrom(char c) {
        if (c >= '0' && c <= '9') {
            return (char) ('0' + (c - '0' + 1) % 10);
        }
        return c == '7' ? '8' : '7';
    }

    private static GeneratedRule rule(SpamRule.Type type, String value, SpamRule.Action action, int weight, boolean matches) {
        return new GeneratedRule(new SpamRule(type, value, action, weight, null), matches);
    }

    static Gen<Scenario> scenarios() {
        Gen<Relation> relations = Generate.pick(List.of(Relation.OTHER, Relation.OTHER, Relation.NEIGHBOUR, Relation.SAME));
        return callers().zip(relations, (caller, relation) ->
                        caller.kind() == Kind.VALID ? new Object[] {caller, relation} : new Object[] {caller, Relation.OTHER})
                .flatMap(parts -> {
                    Caller caller = (Caller) parts[0];
                    Relation relation = (Relation) parts[1];
                    String called = called(caller, relation);
                    // quiet callers (no burst, unreported) half the time, so that rules are seen without signals too
                    Gen<Integer> recentCalls = Generate.constant(0).mix(integers().between(0, 12), 50);
                    Gen<Integer> reportCounts = Generate.constant(0).mix(integers().between(0, 6), 50);
                    Gen<List<GeneratedRule>> ruleSets = lists().of(rulesFor(caller)).ofSizeBetween(0, 6)
                            .mix(lists().of(rulesFor(caller)).ofSizeBetween(0, 1), 25);
                    return ruleSets.zip(stirResults(), recentCalls, reportCounts, thresholds(), (rules, stir, recent, reports, thresholds) ->
                                    new Scenario(caller, relation, called, stir, recent, reports, thresholds, rules));
                });
    }

    /**
     * The tenant's number: the caller's own, a neighbour (same code and first six national digits, a
     * different subscriber part), or one that differs in the first national digit (never a neighbour).
     */
    private static String called(Caller caller, Relation relation) {
        if (caller.kind() != Kind.VALID) {
            return "+14155550100";
        }
        String national = caller.national();
        return switch (relation) {
            case SAME -> caller.raw();
            case NEIGHBOUR -> "+" + caller.code() + national.substring(0, 6) + differentFrom(national.charAt(6))
                    + national.substring(7);
            case OTHER -> {
                char first = national.charAt(0);
                char swapped = first == '9' ? '2' : (char) (first + 1);   // stays 2-9 for NANP area codes
                yield "+" + caller.code() + swapped + national.substring(1);
            }
        };
    }

    /** Utterances with and without the given phrases, in varied case and punctuation. */
    static Gen<String> utterances(List<String> phrases) {
        Gen<String> filler = Generate.pick(List.of("hello", "I am calling about", "your account", "please hold", "thanks",
                "can you", "", "uh", "Hi!"));
        Gen<String> said = Generate.pick(new ArrayList<>(phrases)).zip(integers().between(0, 2), (p, style) -> switch (style) {
            case 0 -> p;
            case 1 -> p.toUpperCase(java.util.Locale.ROOT);
            default -> p.replace(' ', '-') + "!";
        });
        return lists().of(filler.mix(said, 30)).ofSizeBetween(0, 6).map(words -> String.join(" ", words));
    }
}
