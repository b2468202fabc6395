package com.voicecore.application.voice;

import java.util.UUID;

/**
 * The transactional work a bridge asks for, in the thread's tenant: admitting a stream, storing turns,
 * running the tools, recording what the conversation decided. Tool answers are the JSON the model gets
 * as the function call's output.
 */
public interface RealtimeConversations {

    /**
     * Takes the stream's single use if the call is live; throws {@link StreamRejectedException} (and
     * changes nothing) otherwise.
     */
    Admission admit(UUID streamId, String callSid);

    /**
     * Stores an exchange through the conversation service (language fixed by the caller's first words)
     * and counts it by the conversation policy's attempt rule (Property 6): the third unsuccessful
     * attempt decides the transfer to customer service on the stream and the conversation.
     */
    TurnOutcome record(Turn turn);

    /**
     * Fixes the conversation's language from the caller's words if they are clear enough; then what the
     * session's instructions must add (reply only in that language). Empty while the language is open.
     */
    java.util.Optional<String> chooseLanguage(UUID streamId, String callerWords);

    /** transfer_call: a department (by name), an agent (by name) or an extension; decided when found. */
    String transfer(UUID streamId, String department, String agent, String extension);

    /** search_knowledge_base */
    String searchKnowledge(UUID streamId, String query);

    /** take_message: lands in the department's (else the reception's) messages, as a text. */
    String takeMessage(UUID streamId, String message, String callerName, String callbackNumber, String department);

    /** end_call */
    String end(UUID streamId, String reason);

    /** OpenAI failed: the call goes to a human. Keeps an earlier decision (a decided transfer stands). */
    void failed(UUID streamId, String reason);

    /** The stream is over (ended on either side). */
    void closed(UUID streamId);
}
