package com.voicecore.interfaces.admin.wallboard;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coalescer on a hand-driven clock and scheduler: time moves only when the test says so. */
class PushCoalescerTest {

    static final Duration INTERVAL = Duration.ofMillis(500);

    /** A clock and a scheduler in one: {@link #advance} runs the tasks that fall due, in time order. */
    static final class ManualTime extends Clock implements PushCoalescer.Scheduler {
        private Instant now = Instant.parse("2026-11-24T09:00:00Z");
        private final List<Task> tasks = new ArrayList<>();

        record Task(Instant due, long order, Runnable run) {
        }

        @Override
        public void schedule(Runnable task, Duration delay) {
            tasks.add(new Task(now.plus(delay), sequence++, task));
        }

        private long sequence;

        void advance(Duration by) {
            Instant until = now.plus(by);
            while (true) {
                Task next = tasks.stream().filter(t -> !t.due().isAfter(until))
                        .min(Comparator.comparing(Task::due).thenComparing(Task::order)).orElse(null);
                if (next == null) {
                    break;
                }
                tasks.remove(next);
                now = next.due();
                next.run().run();
            }
            now = until;
        }

        int scheduled() {
            return tasks.size();
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    record Push(String key, Instant at) {
    }

    final ManualTime time = new ManualTime();
    final List<Push> pushes = new ArrayList<>();
    final PushCoalescer<String> coalescer = new PushCoalescer<>(INTERVAL, time, time, key -> pushes.add(new Push(key, time.instant())));

    @Test
    void theFirstChangeIsPushedAtOnce() {
        coalescer.signal("acme");
        assertEquals(List.of(new Push("acme", time.instant())), pushes);
        assertEquals(0, time.scheduled(), "nothing waits");
    }

    @Test
    void aBurstBecomesOnePushAtOnceAndOneTrailingPushAtTheIntervalsEnd() {
        Instant start = time.instant();
        for (int i = 0; i < 100; i++) {
            coalescer.signal("acme");
            time.advance(Duration.ofMillis(3));
        }
        // 300 ms into the burst: the leading push went out, one trailing push waits for the interval's end
        assertEquals(1, pushes.size(), pushes.toString());
        assertEquals(1, time.scheduled());
        time.advance(Duration.ofMillis(199));
        assertEquals(1, pushes.size(), "not before the interval is over");
        time.advance(Duration.ofMillis(1));
        assertEquals(List.of(new Push("acme", start), new Push("acme", start.plus(INTERVAL))), pushes);
        time.advance(Duration.ofSeconds(5));
        assertEquals(2, pushes.size(), "quiet afterwards");
    }

    @Test
    void aChangeAfterTheTrailingPushGetsAPushOfItsOwn() {
        coalescer.signal("acme");
        time.advance(Duration.ofMillis(100));
        coalescer.signal("acme");
        time.advance(Duration.ofMillis(400)); // the trailing push at 500 ms
        assertEquals(2, pushes.size());
        time.advance(Duration.ofMillis(10));
        coalescer.signal("acme"); // 10 ms after the trailing push: the last change of the board
        assertEquals(2, pushes.size(), "too soon for another push now");
        time.advance(Duration.ofMillis(490));
        assertEquals(3, pushes.size(), "the final change is shown");
        assertEquals(time.instant(), pushes.get(2).at());
    }

    @Test
    void aQuietIntervalMeansTheNextChangeIsPushedAtOnce() {
        coalescer.signal("acme");
        time.advance(INTERVAL);
        coalescer.signal("acme");
        assertEquals(2, pushes.size());
        assertEquals(0, time.scheduled());
    }

    @Test
    void tenantsAreThrottledApart() {
        coalescer.signal("acme");
        coalescer.signal("acme");
        coalescer.signal("globex");
        assertEquals(List.of("acme", "globex"), pushes.stream().map(Push::key).toList(), "another tenant's burst delays no one");
        time.advance(INTERVAL);
        assertEquals(List.of("acme", "globex", "acme"), pushes.stream().map(Push::key).toList());
    }

    @Test
    void withoutASchedulerAChangeIsPushedAtOnceRatherThanNever() {
        PushCoalescer<String> closing = new PushCoalescer<>(INTERVAL, time, (task, delay) -> {
            throw new IllegalStateException("shut down");
        }, key -> pushes.add(new Push(key, time.instant())));
        closing.signal("acme");
        closing.signal("acme");
        assertEquals(2, pushes.size(), "a change that cannot wait is pushed at once rather than never");
        assertThrows(IllegalArgumentException.class, () -> new PushCoalescer<String>(Duration.ZERO, time, time, k -> { }));
    }

    @Test
    void aFailingPushDoesNotStopLaterOnes() {
        List<Instant> tried = new ArrayList<>();
        PushCoalescer<String> flaky = new PushCoalescer<>(INTERVAL, time, time, key -> {
            tried.add(time.instant());
            throw new IllegalStateException("socket gone");
        });
        flaky.signal("acme");
        flaky.signal("acme");
        time.advance(INTERVAL);
        flaky.signal("acme");
        time.advance(INTERVAL);
        assertEquals(3, tried.size(), tried.toString());
    }

    /** 200 generated bursts: pushes never closer than the interval, and every change followed by a push. */
    @Test
    void generatedBurstsAreThrottledAndNeverLoseTheLastChange() {
        Random random = new Random(20261124L);
        for (int n = 0; n < 200; n++) {
            final int run = n;
            ManualTime clock = new ManualTime();
            List<Push> seen = new ArrayList<>();
            PushCoalescer<String> c = new PushCoalescer<>(INTERVAL, clock, clock, key -> seen.add(new Push(key, clock.instant())));
            List<Push> signals = new ArrayList<>();
            int count = 1 + random.nextInt(60);
            for (int i = 0; i < count; i++) {
                String key = random.nextInt(4) == 0 ? "globex" : "acme";
                signals.add(new Push(key, clock.instant()));
                c.signal(key);
                clock.advance(Duration.ofMillis(random.nextInt(random.nextBoolean() ? 40 : 900)));
            }
            clock.advance(Duration.ofSeconds(2));
            for (String key : List.of("acme", "globex")) {
                List<Instant> at = seen.stream().filter(p -> p.key().equals(key)).map(Push::at).toList();
                for (int i = 1; i < at.size(); i++) {
                    assertFalse(Duration.between(at.get(i - 1), at.get(i)).compareTo(INTERVAL) < 0, "run " + run + ": " + at);
                }
                signals.stream().filter(s -> s.key().equals(key)).forEach(s ->
                        assertTrue(at.stream().anyMatch(p -> !p.isBefore(s.at())), "run " + run + ": no push after the change at " + s.at()));
                long changes = signals.stream().filter(s -> s.key().equals(key)).count();
                assertTrue(at.size() <= changes, "never more pushes than changes");
            }
            assertEquals(0, clock.scheduled(), "nothing left waiting");
        }
    }
}
