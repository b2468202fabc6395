/**
 * Realtime voice (issue 4, transport 2): the bridge between a call's Twilio media stream and an OpenAI
 * Realtime session, the registry of sessions opened while the webhook is answered, the ports to both
 * sides ({@link com.voicecore.application.voice.MediaChannel}, {@link
 * com.voicecore.application.voice.RealtimeConnector}) and the transactional work the bridge asks for
 * ({@link com.voicecore.application.voice.RealtimeConversations}). The endpoint in voicecore-web only
 * moves frames; everything else is here.
 */
package com.voicecore.application.voice;
