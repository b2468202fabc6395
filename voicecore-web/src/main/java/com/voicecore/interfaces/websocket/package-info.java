/**
 * WebSocket endpoints. {@code /media-stream}: Twilio's bidirectional media streams for realtime voice;
 * it admits a stream by its token and hands frames to the bridge (voicecore-ejb), nothing more.
 * {@code /ws/agent} and {@code /ws/supervisor}: token check at the handshake, the JSON protocol of
 * docs/agent-protocol.md, and the broadcaster that pushes committed announcements to this node's sockets.
 */
package com.voicecore.interfaces.websocket;
