package com.voicecore.application;

import java.util.UUID;

/** A stored turn: its number in the call, and the conversation's failed attempts after it. */
public record TurnReceipt(UUID turnId, int seq, int failedAttempts) {
}
