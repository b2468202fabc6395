package com.voicecore.domain.model.agent;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps to the PostgreSQL enum agent_status (the driver sends strings untyped: stringtype=unspecified). */
@Converter
public class AgentStatusConverter implements AttributeConverter<AgentStatus, String> {

    @Override
    public String convertToDatabaseColumn(AgentStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public AgentStatus convertToEntityAttribute(String code) {
        return code == null ? null : AgentStatus.fromCode(code);
    }
}
