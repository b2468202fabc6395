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
    UNSERVED,
    // hand-overs and the webhooks after them, so that they too speak the caller's language
    LEAVE_MESSAGE_FOR,
    AGENT_CANNOT_ANSWER,
    NO_MESSAGE,
    MESSAGE_THANKS,
    NOBODY_AVAILABLE,
    WENT_WRONG_HOLD,
    WENT_WRONG,
    HOLD_FOR_TRANSFER,
    // a department's queue: the caller waits in the language the conversation found
    QUEUE_BUSY,
    QUEUE_POSITION_MINUTE,
    QUEUE_POSITION_MINUTES,
    QUEUE_LEAVE_MESSAGE,
    QUEUE_CONNECTING
}
