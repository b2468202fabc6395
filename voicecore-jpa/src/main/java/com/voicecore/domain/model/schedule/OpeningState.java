package com.voicecore.domain.model.schedule;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a schedule takes calls at one instant, and why: the routing decision and the sentence the
 * call's route shows ("Closed for holiday: Christmas Day"). A value: equal when kind and holiday are.
 */
public final class OpeningState {

    public enum Kind {
        /** Within the weekly hours. */
        OPEN,
        /** Outside the weekly hours (including a day with no hours at all). */
        CLOSED_HOURS,
        /** The local date is a holiday of the schedule. */
        CLOSED_HOLIDAY,
        /** An emergency override keeps the schedule open. */
        EMERGENCY_OPEN,
        /** An emergency override keeps the schedule closed. */
        EMERGENCY_CLOSED
    }

    public static final OpeningState OPEN = new OpeningState(Kind.OPEN, null);
    public static final OpeningState CLOSED_HOURS = new OpeningState(Kind.CLOSED_HOURS, null);
    public static final OpeningState EMERGENCY_OPEN = new OpeningState(Kind.EMERGENCY_OPEN, null);
    public static final OpeningState EMERGENCY_CLOSED = new OpeningState(Kind.EMERGENCY_CLOSED, null);

    private final Kind kind;
    private final String holidayName;

    private OpeningState(Kind kind, String holidayName) {
        this.kind = kind;
        this.holidayName = holidayName;
    }

    public static OpeningState closedForHoliday(String holidayName) {
        if (Objects.requireNonNull(holidayName, "holidayName").isBlank()) {
            throw new IllegalArgumentException("A holiday has a name");
        }
        return new OpeningState(Kind.CLOSED_HOLIDAY, holidayName.strip());
    }

    static OpeningState emergency(EmergencyMode mode) {
        return mode == EmergencyMode.OPEN ? EMERGENCY_OPEN : EMERGENCY_CLOSED;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether calls are taken: within hours, or forced open by an emergency override. */
    public boolean isOpen() {
        return kind == Kind.OPEN || kind == Kind.EMERGENCY_OPEN;
    }

    /** The holiday's name when {@link Kind#CLOSED_HOLIDAY}. */
    public Optional<String> holidayName() {
        return Optional.ofNullable(holidayName);
    }

    /** For people: why the call went where it went (the call's route, the console). */
    public String reason() {
        return switch (kind) {
            case OPEN -> "Open: within business hours";
            case CLOSED_HOURS -> "Closed: outside business hours";
            case CLOSED_HOLIDAY -> "Closed for holiday: " + holidayName;
            case EMERGENCY_OPEN -> "Open: emergency override";
            case EMERGENCY_CLOSED -> "Closed: emergency override";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpeningState other && kind == other.kind && Objects.equals(holidayName, other.holidayName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, holidayName);
    }

    @Override
    public String toString() {
        return reason();
    }
}
