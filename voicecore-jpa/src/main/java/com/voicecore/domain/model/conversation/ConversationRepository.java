package com.voicecore.domain.model.conversation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's conversations and their turns. */
public interface ConversationRepository {

    Optional<Conversation> findByCall(UUID callId);

    /** The call's conversation, locked for this transaction (turns of one call are numbered one at a time). */
    Optional<Conversation> lockByCall(UUID callId);

    void store(Conversation conversation);

    void append(ConversationTurn turn);

    List<ConversationTurn> turns(UUID callId);
}
