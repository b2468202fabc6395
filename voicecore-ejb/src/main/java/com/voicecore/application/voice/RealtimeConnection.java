package com.voicecore.application.voice;

/** An open OpenAI Realtime session (one WebSocket). */
public interface RealtimeConnection {

    /** Sends one client event; events leave in the order sent. */
    void send(String json);

    void close();

    /** What the session reports; called one message at a time, in order. */
    interface Listener {

        /** A whole server event; {@code receivedNanos} is {@link System#nanoTime()} at its arrival. */
        void onEvent(String json, long receivedNanos);

        /** The session closed or failed (not called after {@link RealtimeConnection#close()}). */
        void onClosed(String reason);
    }
}
