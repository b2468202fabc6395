/**
 * Test doubles of realtime voice's two outside parties, speaking the real protocols on loopback and
 * driven by the tests: {@link com.voicecore.realtime.fake.FakeOpenAiRealtime} (an OpenAI Realtime GA
 * server, Tyrus on Grizzly) and {@link com.voicecore.realtime.fake.FakeMediaStream} (Twilio's side of a
 * bidirectional media stream, Tyrus client).
 */
package com.voicecore.realtime.fake;
