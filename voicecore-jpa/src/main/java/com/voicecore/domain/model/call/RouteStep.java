package com.voicecore.domain.model.call;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of the route a call took ("spam: allow (score 12)", "extension 101: Ada Lovelace").
 * The step names are a small vocabulary so the console and analytics can count them.
 */
public record RouteStep(String step, String detail, Instant at) {

    public static final String CREDITS = "credits";
    public static final String SPAM = "spam";
    public static final String CHALLENGE = "challenge";
    public static final String HOURS = "hours";
    public static final String GREETING = "greeting";
    public static final String EXTENSION = "extension";
    public static final String RECEPTIONIST = "receptionist";
    public static final String DEPARTMENT = "department";
    public static final String AGENT = "agent";
    public static final String VOICEMAIL = "voicemail";
    public static final String QUEUE = "queue";
    public static final String FALLBACK = "fallback";
    public static final String TRANSFER = "transfer";
    public static final String REJECTED = "rejected";
    public static final String ENDED = "ended";

    public RouteStep {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }

    /** As stored in the call's route (a JSON array of these). */
    public String toJson() {
        return jakarta.json.Json.createObjectBuilder().add("step", step).add("detail", detail).add("at", at.toString())
                .build().toString();
    }
}
