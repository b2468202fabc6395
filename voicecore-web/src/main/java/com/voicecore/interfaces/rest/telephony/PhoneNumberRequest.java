package com.voicecore.interfaces.rest.telephony;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A Twilio number to point at VoiceCore, in E.164, optionally routed to a department first. */
public record PhoneNumberRequest(
        @NotBlank(message = "A phone number in E.164 is required, e.g. +14155550100") @Size(max = 16, message = "At most 16 characters") String number,
        String departmentId,
        @Size(max = 100, message = "At most 100 characters") String label) {
}
