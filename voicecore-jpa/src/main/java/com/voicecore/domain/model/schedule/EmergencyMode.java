package com.voicecore.domain.model.schedule;

import java.util.Locale;

/**
 * What an emergency override forces a schedule to be, whatever its hours and holidays say: open (a
 * storm, the phones must stay staffed) or closed (the office is evacuated). Stored as the lower-case
 * name the schema's check constraint allows ('open', 'closed').
 */
public enum EmergencyMode {
    OPEN, CLOSED;

    String storedValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EmergencyMode fromStoredValue(String value) {
        return switch (value) {
            case "open" -> OPEN;
            case "closed" -> CLOSED;
            default -> throw new IllegalStateException("Unknown emergency override in the database: " + value);
        };
    }
}
