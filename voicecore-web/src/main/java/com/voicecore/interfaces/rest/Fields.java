package com.voicecore.interfaces.rest;

import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.application.exception.UnknownEntityException;

import java.time.DateTimeException;
import java.util.UUID;
import java.util.function.Supplier;

/** Converting request values to domain types at the edge, naming the field when one is wrong. */
public final class Fields {

    private Fields() {
    }

    public static <T> T convert(String field, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidValueException(field, e.getMessage());
        }
    }

    /** An id in a path that is not even a UUID names nothing: the same 404 as an unknown id. */
    public static UUID pathId(String entity, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new UnknownEntityException(entity, raw);
        }
    }

    public static UUID optionalId(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return convert(field, () -> UUID.fromString(raw));
    }
}
