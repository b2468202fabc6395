package com.voicecore.interfaces.websocket;

import com.voicecore.application.voice.MediaChannel;
import com.voicecore.application.voice.RealtimeBridge;
import com.voicecore.application.voice.RealtimeBridges;
import com.voicecore.application.voice.StreamRejectedException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code wss://<host>/media-stream}: Twilio's bidirectional media stream of one call. The first
 * message that matters is {@code start}; its {@code customParameters.token} must be a valid, unused
 * stream token for a live call of the token's tenant and for this very call SID. Anything else is
 * closed with reason 1008 (policy) naming what was wrong, and changes nothing. Admitted, every frame
 * goes to the call's bridge. Payloads, caller numbers and locations are never logged.
 */
@ServerEndpoint("/media-stream")
public class MediaStreamEndpoint {

    private static final Logger LOG = Logger.getLogger(MediaStreamEndpoint.class.getName());
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());
    /** A start message with its parameters is well under this; audio frames are ~300 bytes. */
    static final int MAX_MESSAGE = 64 * 1024;
    /** Twilio sends audio every 20 ms (silence too): a minute of nothing is a dead stream. */
    static final long IDLE_TIMEOUT_MS = 60_000;

    @Inject
    RealtimeBridges bridges;

    private Session session;
    private volatile RealtimeBridge bridge;
    private volatile boolean refused;

    @OnOpen
    public void open(Session session) {
        this.session = session;
        session.setMaxTextMessageBufferSize(MAX_MESSAGE);
        session.setMaxIdleTimeout(IDLE_TIMEOUT_MS);
    }

    @OnMessage
    public void message(String text) {
        long received = System.nanoTime();
        RealtimeBridge b = bridge;
        if (b != null) {
            b.onTwilio(text, received);
            return;
        }
        if (refused) {
            return;
        }
        JsonObject event = parse(text);
        if (event == null) {
            refuse(CloseReason.CloseCodes.PROTOCOL_ERROR, "not a Twilio media stream message");
            return;
        }
        String kind = event.getString("event", "");
        if (kind.equals("connected")) {
            return;
        }
        if (!kind.equals("start")) {
            refuse(CloseReason.CloseCodes.PROTOCOL_ERROR, "expected start, got " + (kind.length() > 20 ? "?" : kind));
            return;
        }
        JsonObject start = event.getJsonObject("start");
        JsonObject parameters = start == null ? null : start.getJsonObject("customParameters");
        String token = parameters == null ? null : parameters.getString("token", null);
        String callSid = start == null ? null : start.getString("callSid", null);
        String streamSid = event.getString("streamSid", start == null ? null : start.getString("streamSid", null));
        if (token == null || callSid == null) {
            refuse(CloseReason.CloseCodes.VIOLATED_POLICY, "no stream token");
            return;
        }
        try {
            bridge = bridges.admit(token, callSid, streamSid, new Channel(session));
        } catch (StreamRejectedException e) {
            LOG.info("Media stream for call " + safe(callSid) + " refused: " + e.getMessage());
            refuse(CloseReason.CloseCodes.VIOLATED_POLICY, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Media stream for call " + safe(callSid) + " could not be admitted", e);
            refuse(CloseReason.CloseCodes.TRY_AGAIN_LATER, "the stream could not be admitted");
        }
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        RealtimeBridge b = bridge;
        if (b != null) {
            b.twilioClosed();
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "Media stream error: " + error.getClass().getSimpleName());
        RealtimeBridge b = bridge;
        if (b != null) {
            b.twilioClosed();
        }
    }

    private void refuse(CloseReason.CloseCode code, String reason) {
        refused = true;
        try {
            unbatch(session);
            session.close(new CloseReason(code, reason.length() > 120 ? reason.substring(0, 120) : reason));
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing a refused media stream", e);
        }
    }

    /**
     * Batching off, and what is queued flushed: with batching on, Undertow would hold the close frame
     * itself until a flush that never comes.
     */
    private static void unbatch(Session session) throws IOException {
        RemoteEndpoint.Async remote = session.getAsyncRemote();
        remote.setBatchingAllowed(false);
        remote.flushBatch();
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? o : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String safe(String callSid) {
        return callSid.matches("CA[0-9a-zA-Z]{1,40}") ? callSid : "(malformed)";
    }

    /**
     * The bridge's view of this socket: whole text frames, in order. Sent through the asynchronous
     * remote with batching on (Undertow's basic remote ignores batching, and it would block the OpenAI
     * socket's thread on every write): a media frame and its mark are queued together and flushed once,
     * one write for both. No lock here: the bridge serialises its sends.
     */
    private static final class Channel implements MediaChannel {

        private final Session session;
        private final RemoteEndpoint.Async remote;
        private final SendHandler onSent = result -> {
            if (!result.isOK()) {
                LOG.log(Level.FINE, "Sending to a media stream failed", result.getException());
            }
        };

        Channel(Session session) {
            this.session = session;
            this.remote = session.getAsyncRemote();
            try {
                remote.setBatchingAllowed(true);
            } catch (IOException e) {
                LOG.log(Level.FINE, "Batching not available on a media stream", e);
            }
        }

        @Override
        public void send(String json) {
            if (!session.isOpen()) {
                return;
            }
            try {
                remote.sendText(json, onSent);
                remote.flushBatch();
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "Sending to a media stream failed", e);
            }
        }

        @Override
        public void send(String first, String second) {
            if (!session.isOpen()) {
                return;
            }
            try {
                remote.sendText(first, onSent);
                remote.sendText(second, onSent);
                remote.flushBatch();
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "Sending to a media stream failed", e);
            }
        }

        @Override
        public void close(String reason) {
            try {
                if (session.isOpen()) {
                    unbatch(session);
                    session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, reason));
                }
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "Closing a media stream", e);
            }
        }
    }
}
