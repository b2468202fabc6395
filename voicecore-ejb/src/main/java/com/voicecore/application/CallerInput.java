package com.voicecore.application;

import java.util.Optional;

/** What the caller answered to a prompt: digits, recognised speech, or nothing. */
public record CallerInput(Optional<String> digits, Optional<String> speech, Optional<Double> confidence) {

    public static CallerInput of(String digits, String speech, String confidence) {
        return new CallerInput(blankToEmpty(digits), blankToEmpty(speech), blankToEmpty(confidence).flatMap(CallerInput::number));
    }

    public static CallerInput none() {
        return new CallerInput(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return digits.isEmpty() && speech.isEmpty();
    }

    private static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static Optional<Double> number(String value) {
        try {
            return Optional.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
