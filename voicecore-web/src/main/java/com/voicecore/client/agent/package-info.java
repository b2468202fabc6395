/**
 * A small Java client for the agent protocol (docs/agent-protocol.md), for integrators and the tests.
 * Standard Jakarta WebSocket client API plus JSON-P; bring an implementation (Tyrus standalone client
 * and Parsson). Published as the {@code agent-client} jar of voicecore-web; it depends on nothing else
 * of VoiceCore.
 */
package com.voicecore.client.agent;
