/**
 * The OpenAI Realtime adapter: a JDK {@code java.net.http.WebSocket} client per session (asynchronous,
 * no thread per call), opened under MicroProfile Fault Tolerance.
 */
package com.voicecore.infrastructure.openai;
