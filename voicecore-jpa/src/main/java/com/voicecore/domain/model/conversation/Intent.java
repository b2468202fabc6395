package com.voicecore.domain.model.conversation;

import java.util.Locale;

/** What the caller wants in one utterance. */
public enum Intent {
    /** a question for the knowledge base */
    QUESTION,
    /** a department by name */
    DEPARTMENT,
    /** a person by name */
    AGENT,
    /** an extension, spoken or keyed */
    EXTENSION,
    /** a human: the reception / operator / customer service */
    OPERATOR,
    /** leave a message */
    MESSAGE,
    /** nothing more, goodbye */
    END,
    /** silence or speech too unclear to use */
    UNCLEAR,
    /** said something the tenant's keyword spam rules block */
    SPAM,
    /** said a phrase of one of the tenant's transfer rules */
    RULE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Intent fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
