package com.voicecore.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** One clock for the application, so rules that depend on time can be tested with another. */
@ApplicationScoped
public class ClockProducer {

    /** Dependent: a Clock is immutable and needs no proxy. */
    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
