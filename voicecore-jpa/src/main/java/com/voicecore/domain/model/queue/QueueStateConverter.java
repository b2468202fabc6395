package com.voicecore.domain.model.queue;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class QueueStateConverter implements AttributeConverter<QueueState, String> {

    @Override
    public String convertToDatabaseColumn(QueueState state) {
        return state == null ? null : state.code();
    }

    @Override
    public QueueState convertToEntityAttribute(String code) {
        return code == null ? null : QueueState.fromCode(code);
    }
}
