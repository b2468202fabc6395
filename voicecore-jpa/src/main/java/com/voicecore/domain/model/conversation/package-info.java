/**
 * The receptionist's conversation with a caller, shared by the turn-based and realtime transports:
 * the {@link com.voicecore.domain.model.conversation.Conversation} (language fixed at the first
 * utterance, unsuccessful attempts counted to three), its turns, intent recognition, the phrases the
 * receptionist speaks per language, and the {@link com.voicecore.domain.model.conversation.ConversationPolicy}
 * that decides each turn.
 */
package com.voicecore.domain.model.conversation;
