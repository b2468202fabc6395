package com.voicecore.application.voice;

/** The Twilio side of a bridge: the call's media stream WebSocket (implemented by the endpoint). */
public interface MediaChannel {

    /** Sends one JSON text frame (media, mark or clear); frames leave in the order sent. */
    void send(String json);

    /** Two frames in this order, written together where the socket allows (a media frame and its mark). */
    default void send(String first, String second) {
        send(first);
        send(second);
    }

    /** Closes the stream normally: Twilio then runs the TwiML after {@code </Connect>}. */
    void close(String reason);
}
