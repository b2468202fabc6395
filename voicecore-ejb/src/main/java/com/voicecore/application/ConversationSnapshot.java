package com.voicecore.application;

import java.util.UUID;

/** Where a conversation stands: its language (fixed or still the default), attempts, turns so far. */
public record ConversationSnapshot(UUID callId, String language, boolean languageFixed, int failedAttempts,
                                   int turns, String outcome) {
}
