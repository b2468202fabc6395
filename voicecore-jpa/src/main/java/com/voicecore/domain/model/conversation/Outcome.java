package com.voicecore.domain.model.conversation;

import java.util.Locale;

/** How a conversation ended: what the learning counts (resolved without a transfer ranks higher). */
public enum Outcome {
    /** the caller got an answer and hung up or said goodbye, without a transfer */
    RESOLVED,
    /** handed to a department, an agent or customer service */
    TRANSFERRED,
    /** the caller left (or was sent to leave) a message */
    MESSAGE,
    /** the caller ended without getting an answer */
    ENDED,
    /** the conversation was ended by the spam rules */
    SPAM,
    /** the caller hung up in the middle */
    ABANDONED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
