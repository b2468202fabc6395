package com.voicecore.application.realtime;

import java.util.List;

/**
 * What the realtime transport needs from the conversation policy: the instructions for a call, the
 * knowledge base, and storing turns. Narrow on purpose: the AI receptionist's conversation API
 * (issue 4, shared with the turn-based transport) implements it; until then
 * {@code InterimConversationPort} does. Runs inside the caller's transaction and tenant.
 */
public interface ConversationPort {

    /** The session's instructions: the tenant's company, greeting and languages, and how to use the tools. */
    String instructions();

    /** Best matching knowledge-base answers for the caller's question, best first. */
    List<Answer> search(String query, int max);

    void record(Turn turn);

    record Answer(String question, String answer) {
    }
}
