/**
 * The agent and supervisor WebSockets ({@code /ws/agent}, {@code /ws/supervisor}): token check at the
 * handshake, the JSON protocol of docs/agent-protocol.md, and the broadcaster that pushes committed
 * announcements to this node's sockets.
 */
package com.voicecore.interfaces.websocket;
