package com.voicecore.domain.model.agent;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class AgentActivityConverter implements AttributeConverter<AgentActivity, String> {

    @Override
    public String convertToDatabaseColumn(AgentActivity activity) {
        return activity == null ? null : activity.code();
    }

    @Override
    public AgentActivity convertToEntityAttribute(String code) {
        return code == null ? null : AgentActivity.fromCode(code);
    }
}
