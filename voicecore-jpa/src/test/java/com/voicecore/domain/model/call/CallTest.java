package com.voicecore.domain.model.call;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class CallTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private static Call call() {
        return Call.inbound("CA" + "0".repeat(32), "+14155550100", "+14155550199", T0, "TN-Validation-Passed-A", "token");
    }

    /** Twilio's reports for one call: initiated, ringing, (answered,) and one end with its duration. */
    private static List<CallStatusReport> lifecycle(boolean answered, int duration, CallStatus end) {
        List<CallStatusReport> reports = new ArrayList<>();
        reports.add(new CallStatusReport(CallStatus.INITIATED, 0, T0, Optional.empty()));
        reports.add(new CallStatusReport(CallStatus.RINGING, 1, T0.plusSeconds(1), Optional.empty()));
        int seq = 2;
        if (answered) {
            reports.add(new CallStatusReport(CallStatus.IN_PROGRESS, seq++, T0.plusSeconds(3), Optional.empty()));
        }
        reports.add(new CallStatusReport(end, seq, T0.plusSeconds(3 + duration), Optional.of(answered ? duration : 0)));
        return reports;
    }

    @Test
    void statusReportsFoldToTheSameCallInAnyOrderAndRepetition() {
        qt().withExamples(300).forAll(integers().between(0, 3600), integers().between(0, 3), longs().all())
                .checkAssert((duration, endKind, seed) -> {
                    CallStatus end = List.of(CallStatus.COMPLETED, CallStatus.BUSY, CallStatus.NO_ANSWER, CallStatus.CANCELED).get(endKind);
                    boolean answered = end == CallStatus.COMPLETED;
                    List<CallStatusReport> reports = lifecycle(answered, duration, end);
                    Call inOrder = call();
                    reports.forEach(inOrder::apply);

                    List<CallStatusReport> shuffled = new ArrayList<>(reports);
                    shuffled.addAll(reports.subList(0, new Random(seed).nextInt(reports.size() + 1)));
                    Collections.shuffle(shuffled, new Random(seed));
                    Call anyOrder = call();
                    shuffled.forEach(anyOrder::apply);

                    assertEquals(end, anyOrder.status());
                    assertEquals(inOrder.status(), anyOrder.status());
                    assertEquals(inOrder.endedAt(), anyOrder.endedAt());
                    assertEquals(inOrder.answeredAt(), anyOrder.answeredAt());
                    assertEquals(inOrder.durationSeconds(), anyOrder.durationSeconds());
                    assertEquals(answered ? (duration + 59) / 60 : 0, anyOrder.billableMinutes(), "every started minute");
                    assertTrue(anyOrder.callToken().isEmpty(), "the CallToken does not outlive the call");
                });
    }

    @Test
    void aLateProgressReportDoesNotReopenAnEndedCall() {
        Call call = call();
        call.apply(new CallStatusReport(CallStatus.COMPLETED, 3, T0.plusSeconds(61), Optional.of(61)));
        assertFalse(call.apply(new CallStatusReport(CallStatus.RINGING, 1, T0.plusSeconds(1), Optional.empty())));
        assertEquals(CallStatus.COMPLETED, call.status());
        assertEquals(2, call.billableMinutes());
    }

    @Test
    void aCallThatHasNotEndedCostsNothingYet() {
        Call call = call();
        call.apply(new CallStatusReport(CallStatus.IN_PROGRESS, 2, T0.plusSeconds(2), Optional.empty()));
        assertEquals(0, call.billableMinutes());
        assertTrue(call.callToken().isPresent());
    }

    @Test
    void theChallengeDigitIsChosenOnceAndTwoWrongAnswersAreCounted() {
        Call call = call();
        assertEquals(7, call.challengeDigit(() -> 7));
        assertEquals(7, call.challengeDigit(() -> 3), "a retried webhook asks for the same digit");
        assertFalse(call.answerChallenge("3"));
        assertFalse(call.answerChallenge(""));
        assertEquals(2, call.failedChallenges());
        assertTrue(call.answerChallenge("7"));
    }

    @Test
    void theRouteKeepsItsStepsInOrder() {
        Call call = call();
        call.recordStep(RouteStep.SPAM, "allow (score 0)", T0);
        call.recordStep(RouteStep.EXTENSION, "101: \"Ada\" <Lovelace>", T0.plusSeconds(4));
        assertEquals(List.of(RouteStep.SPAM, RouteStep.EXTENSION), call.route().stream().map(RouteStep::step).toList());
        assertEquals("101: \"Ada\" <Lovelace>", call.route().get(1).detail(), "caller-supplied text survives JSON intact");
        assertTrue(call.passedThrough(RouteStep.EXTENSION));
        assertFalse(call.passedThrough(RouteStep.RECEPTIONIST));
    }

    @Test
    void overlongCallerIdsAreCutToTheColumn() {
        Call call = Call.inbound("CA1", "x".repeat(200), "+14155550199", T0, " ".repeat(3), "");
        assertEquals(32, call.fromNumber().length());
        assertTrue(call.stirVerstat().isEmpty());
        assertTrue(call.callToken().isEmpty());
    }

    @Test
    void aConsoleTestCallIsAnsweredMarkedAndNeverBilled() {
        Instant at = Instant.parse("2026-11-24T07:00:00Z");
        Call test = Call.testCall("TEST1", "test call", "console", at);
        assertTrue(test.isTestCall());
        assertEquals(CallStatus.IN_PROGRESS, test.status());
        assertEquals(Optional.of(at), test.answeredAt());
        test.apply(new CallStatusReport(CallStatus.COMPLETED, 0, at.plusSeconds(125), Optional.of(125)));
        assertTrue(test.hasEnded());
        assertEquals(0, test.billableMinutes(), "a test call costs nothing however long it lasted");

        Call live = Call.inbound("CA1", "+4930123", "+4930999", at, null, null);
        assertFalse(live.isTestCall());
        live.apply(new CallStatusReport(CallStatus.COMPLETED, 0, at.plusSeconds(125), Optional.of(125)));
        assertEquals(3, live.billableMinutes(), "the same call live costs every started minute");
    }
}
