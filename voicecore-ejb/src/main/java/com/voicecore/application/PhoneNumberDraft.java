package com.voicecore.application;

import com.voicecore.domain.model.shared.PhoneNumber;

import java.util.UUID;

/** A phone number the tenant points at VoiceCore, optionally routed to a department first. */
public record PhoneNumberDraft(PhoneNumber number, UUID departmentId, String label) {
}
