/**
 * WebSocket endpoints. {@code /media-stream}: Twilio's bidirectional media streams for realtime voice;
 * it admits a stream by its token and hands frames to the bridge (voicecore-ejb), nothing more.
 */
package com.voicecore.interfaces.websocket;
