package com.voicecore.domain.model.call;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Converters to the PostgreSQL enums call_status and call_direction. */
final class CallEnumConverters {

    private CallEnumConverters() {
    }

    @Converter
    static class StatusConverter implements AttributeConverter<CallStatus, String> {
        @Override
        public String convertToDatabaseColumn(CallStatus s) {
            return s == null ? null : s.code();
        }

        @Override
        public CallStatus convertToEntityAttribute(String code) {
            return code == null ? null : CallStatus.fromCode(code);
        }
    }

    @Converter
    static class DirectionConverter implements AttributeConverter<CallDirection, String> {
        @Override
        public String convertToDatabaseColumn(CallDirection d) {
            return d == null ? null : d.code();
        }

        @Override
        public CallDirection convertToEntityAttribute(String code) {
            return code == null ? null : CallDirection.valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
