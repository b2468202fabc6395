package com.voicecore.domain.model.conversation;

/** What the receptionist says, independent of the language ({@link Phrasebook} holds the wording). */
public enum Phrase {
    HOW_CAN_I_HELP,
    ANYTHING_ELSE,
    NOT_HEARD,
    NO_ANSWER,
    NO_SUCH_EXTENSION,
    CONNECTING,
    CUSTOMER_SERVICE,
    MESSAGE,
    GOODBYE,
    UNSERVED
}
