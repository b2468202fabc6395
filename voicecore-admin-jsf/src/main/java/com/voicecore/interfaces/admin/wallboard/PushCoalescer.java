package com.voicecore.interfaces.admin.wallboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At most one push per key (a tenant) per interval, and never a change left unshown: the first signal
 * after a quiet interval is pushed at once; signals within the interval after a push are folded into one
 * trailing push at the interval's end. Every signal is therefore followed by a push at or after it, and
 * since a push only tells the page to redraw from the services, that push shows the final state. A burst
 * of a hundred presence changes redraws each open wallboard about twice a second instead of a hundred times.
 */
final class PushCoalescer<K> {

    /** Runs a task after a delay; the wallboard uses the container's managed scheduler, tests a hand-driven one. */
    interface Scheduler {
        void schedule(Runnable task, Duration delay);
    }

    private static final Logger LOG = Logger.getLogger(PushCoalescer.class.getName());

    private final Duration interval;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Consumer<K> push;

    /** Guarded by this. One small entry per key that has been signalled (tenants: a bounded set). */
    private final Map<K, State> states = new HashMap<>();

    private static final class State {
        Instant lastPush;
        boolean trailingScheduled;
    }

    PushCoalescer(Duration interval, Clock clock, Scheduler scheduler, Consumer<K> push) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The interval must be positive");
        }
        this.interval = interval;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.push = Objects.requireNonNull(push, "push");
    }

    void signal(K key) {
        Instant now = clock.instant();
        Duration wait;
        synchronized (this) {
            State state = states.computeIfAbsent(key, k -> new State());
            if (state.trailingScheduled) {
                return; // the scheduled push comes after this signal, so it shows this change too
            }
            Instant next = state.lastPush == null ? now : state.lastPush.plus(interval);
            if (!now.isBefore(next)) {
                state.lastPush = now;
                wait = null;
            } else {
                state.trailingScheduled = true;
                wait = Duration.between(now, next);
            }
        }
        if (wait == null) {
            send(key);
            return;
        }
        try {
            scheduler.schedule(() -> trailing(key), wait);
        } catch (RuntimeException e) {
            // no scheduler (shutting down): push now rather than never
            synchronized (this) {
                states.get(key).trailingScheduled = false;
            }
            LOG.log(Level.FINE, "A trailing wallboard push could not be scheduled", e);
            send(key);
        }
    }

    private void trailing(K key) {
        synchronized (this) {
            State state = states.get(key);
            // cleared before the push: a signal from now on is after this push, and gets one of its own
            state.trailingScheduled = false;
            state.lastPush = clock.instant();
        }
        send(key);
    }

    private void send(K key) {
        try {
            push.accept(key);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A wallboard push failed", e);
        }
    }
}
