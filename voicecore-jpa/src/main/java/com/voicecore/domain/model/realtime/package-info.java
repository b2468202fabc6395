/**
 * Realtime voice (issue 4, transport 2): the tenant's OpenAI settings, the media streams handed to
 * Twilio with their single-use tokens and decided outcomes, and the playback ledger whose arithmetic decides what a barge-in truncates.
 */
package com.voicecore.domain.model.realtime;
