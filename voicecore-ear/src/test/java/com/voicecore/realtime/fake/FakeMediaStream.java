package com.voicecore.realtime.fake;

import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import org.glassfish.tyrus.client.ClientManager;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Twilio's side of one bidirectional media stream (Tyrus client, real WebSocket on loopback):
 * {@code connected} and {@code start} (with the TwiML's {@code <Parameter>}s as customParameters),
 * 20 ms μ-law {@code media} frames with Twilio's sequence numbers, chunks and timestamps, and
 * {@code stop} on hang-up. Audio it receives is "played" in real time: each {@code mark} is echoed when
 * the audio before it has been played; a {@code clear} drops what is unplayed and echoes every pending
 * mark at once, as Twilio does.
 */
public final class FakeMediaStream implements AutoCloseable {

    /** Looked up once: {@code Json.create…} would search the providers for every message. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final int FRAME_BYTES = 160; // 20 ms of 8 kHz μ-law

    /** One client container for every stream of the JVM (a benchmark opens a thousand), kept while the JVM runs. */
    private static final ClientManager CLIENT = sharedClient();
    private static final ScheduledExecutorService PLAYER = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "fake-twilio-playback");
        t.setDaemon(true);
        return t;
    });

    private static ClientManager sharedClient() {
        ClientManager client = ClientManager.createClient();
        client.getProperties().put(org.glassfish.tyrus.client.ClientProperties.SHARED_CONTAINER, true);
        client.getProperties().put(org.glassfish.tyrus.client.ClientProperties.SHARED_CONTAINER_IDLE_TIMEOUT, 24 * 3600);
        return client;
    }

    private final String callSid;
    private final String streamSid;
    private final String accountSid;
    private final Session session;
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger chunk = new AtomicInteger();
    private final AtomicLong receivedBytes = new AtomicLong();
    private final List<byte[]> received = new CopyOnWriteArrayList<>();
    private final List<String> marksEchoed = new CopyOnWriteArrayList<>();
    private final AtomicInteger clears = new AtomicInteger();
    private final List<JsonObject> unexpected = new CopyOnWriteArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private volatile boolean keepAudio = true;
    private volatile long firstAudioAtNanos = -1;
    private volatile java.util.function.LongConsumer onMedia = t -> { };
    private volatile java.util.function.ObjLongConsumer<byte[]> onPayload = (p, t) -> { };
    private volatile boolean echoAtOnce;
    private long playedUntilNanos;

    private record Pending(String name, ScheduledFuture<?> echo) {
    }

    private FakeMediaStream(URI url, String callSid, String accountSid, Map<String, String> parameters, boolean sendStart) {
        this.callSid = callSid;
        this.accountSid = accountSid;
        this.streamSid = "MZ" + java.util.UUID.randomUUID().toString().replace("-", "");
        try {
            this.session = CLIENT.connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session s, EndpointConfig config) {
                    s.addMessageHandler(String.class, (MessageHandler.Whole<String>) FakeMediaStream.this::onMessage);
                }

                @Override
                public void onClose(Session s, CloseReason reason) {
                    closed.complete(reason);
                }

                @Override
                public void onError(Session s, Throwable error) {
                    closed.complete(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, String.valueOf(error)));
                }
            }, ClientEndpointConfig.Builder.create().build(), url);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open the media stream " + url, e);
        }
        send(JSON.createObjectBuilder().add("event", "connected").add("protocol", "Call").add("version", "1.0.0"));
        if (sendStart) {
            start(parameters);
        }
    }

    /** Opens the stream and sends {@code connected} and {@code start} as Twilio does. */
    public static FakeMediaStream open(URI url, String callSid, String accountSid, Map<String, String> parameters) {
        return opened(() -> new FakeMediaStream(url, callSid, accountSid, parameters, true));
    }

    /** Opens the stream and sends only {@code connected}: the test sends its own start. */
    public static FakeMediaStream openWithoutStart(URI url) {
        return opened(() -> new FakeMediaStream(url, "CA0", "AC0", Map.of(), false));
    }

    /**
     * Tyrus's client container shuts its own executors down when its last session closes, and a session
     * opened in that moment can be handed the terminated executor (eclipse-ee4j/tyrus#640): a stream
     * opened right after another closed then fails with RejectedExecutionException. The next attempt gets
     * fresh executors.
     */
    private static FakeMediaStream opened(java.util.function.Supplier<FakeMediaStream> open) {
        for (int attempt = 1; ; attempt++) {
            try {
                return open.get();
            } catch (RuntimeException e) {
                boolean rejected = e instanceof java.util.concurrent.RejectedExecutionException
                        || e.getCause() instanceof java.util.concurrent.RejectedExecutionException;
                if (!rejected || attempt == 3) {
                    throw e;
                }
                sleep(100);
            }
        }
    }

    public void start(Map<String, String> parameters) {
        JsonObjectBuilder custom = JSON.createObjectBuilder();
        parameters.forEach(custom::add);
        send(JSON.createObjectBuilder().add("event", "start").add("sequenceNumber", Integer.toString(sequence.incrementAndGet()))
                .add("streamSid", streamSid)
                .add("start", JSON.createObjectBuilder().add("accountSid", accountSid).add("streamSid", streamSid)
                        .add("callSid", callSid).add("tracks", JSON.createArrayBuilder().add("inbound"))
                        .add("customParameters", custom)
                        .add("mediaFormat", JSON.createObjectBuilder().add("encoding", "audio/x-mulaw").add("sampleRate", 8000)
                                .add("channels", 1))));
    }

    /** Sends {@code frames} frames of caller audio, each filled with {@code fill}, paced every 20 ms when {@code paced}. */
    public void speak(int frames, byte fill, boolean paced) {
        byte[] frame = new byte[FRAME_BYTES];
        java.util.Arrays.fill(frame, fill);
        for (int i = 0; i < frames; i++) {
            frame(frame);
            if (paced) {
                sleep(20);
            }
        }
    }

    /** One media frame (any bytes: tests use the bytes to check order). */
    public void frame(byte[] ulaw) {
        int c = chunk.incrementAndGet();
        sendRaw("{\"event\":\"media\",\"sequenceNumber\":\"" + sequence.incrementAndGet() + "\",\"streamSid\":\"" + streamSid
                + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\"" + c + "\",\"timestamp\":\"" + (c * 20)
                + "\",\"payload\":\"" + Base64.getEncoder().encodeToString(ulaw) + "\"}}");
    }

    public void sendRaw(String text) {
        try {
            synchronized (session) {
                session.getBasicRemote().sendText(text);
            }
        } catch (IOException | IllegalStateException e) {
            throw new IllegalStateException("The media stream is closed", e);
        }
    }

    /** The caller hangs up: {@code stop}, then the socket closes. */
    public void hangUp() {
        send(JSON.createObjectBuilder().add("event", "stop").add("sequenceNumber", Integer.toString(sequence.incrementAndGet()))
                .add("streamSid", streamSid)
                .add("stop", JSON.createObjectBuilder().add("accountSid", accountSid).add("callSid", callSid)));
        close();
    }

    // ------------------------------------------------------------------ what the server sends

    private void onMessage(String text) {
        JsonObject event;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            event = reader.readObject();
        }
        switch (event.getString("event", "")) {
            case "media" -> {
                long now = System.nanoTime();
                byte[] audio = Base64.getDecoder().decode(event.getJsonObject("media").getString("payload"));
                if (firstAudioAtNanos < 0) {
                    firstAudioAtNanos = now;
                }
                receivedBytes.addAndGet(audio.length);
                if (keepAudio) {
                    received.add(audio);
                }
                synchronized (pending) {
                    playedUntilNanos = Math.max(playedUntilNanos, now) + audio.length * 125_000L; // 8 bytes = 1 ms
                }
                onMedia.accept(now);
                onPayload.accept(audio, now);
            }
            case "mark" -> {
                String name = event.getJsonObject("mark").getString("name");
                if (echoAtOnce) {
                    echo(name);
                    return;
                }
                synchronized (pending) {
                    long delay = Math.max(0, playedUntilNanos - System.nanoTime());
                    Pending[] self = new Pending[1];
                    ScheduledFuture<?> echo = PLAYER.schedule(() -> {
                        synchronized (pending) {
                            if (!pending.remove(self[0])) {
                                return;
                            }
                        }
                        echo(name);
                    }, delay, TimeUnit.NANOSECONDS);
                    self[0] = new Pending(name, echo);
                    pending.add(self[0]);
                }
            }
            case "clear" -> {
                clears.incrementAndGet();
                List<Pending> dropped;
                synchronized (pending) {
                    dropped = new ArrayList<>(pending);
                    pending.clear();
                    playedUntilNanos = System.nanoTime();
                }
                dropped.forEach(p -> {
                    p.echo().cancel(false);
                    echo(p.name()); // Twilio echoes every pending mark after a clear
                });
            }
            default -> unexpected.add(event);
        }
    }

    private void echo(String name) {
        marksEchoed.add(name);
        try {
            send(JSON.createObjectBuilder().add("event", "mark").add("sequenceNumber", Integer.toString(sequence.incrementAndGet()))
                    .add("streamSid", streamSid).add("mark", JSON.createObjectBuilder().add("name", name)));
        } catch (IllegalStateException e) {
            // the stream closed meanwhile
        }
    }

    private void send(JsonObjectBuilder event) {
        sendRaw(event.build().toString());
    }

    // ------------------------------------------------------------------ for the test

    public String callSid() {
        return callSid;
    }

    public String streamSid() {
        return streamSid;
    }

    public long receivedBytes() {
        return receivedBytes.get();
    }

    public List<byte[]> receivedAudio() {
        return List.copyOf(received);
    }

    public void countAudioOnly() {
        keepAudio = false;
    }

    /** Called with {@link System#nanoTime()} for every media frame received. */
    public void onMedia(java.util.function.LongConsumer handler) {
        this.onMedia = handler;
    }

    /** Called with every media payload received and {@link System#nanoTime()} of its arrival. */
    public void onMediaPayload(java.util.function.ObjLongConsumer<byte[]> handler) {
        this.onPayload = handler;
    }

    /** Echo marks as they come (no simulated playback): benchmarks keep the bridge's mark work, not the timers. */
    public void echoMarksAtOnce() {
        this.echoAtOnce = true;
    }

    public long firstAudioAtNanos() {
        return firstAudioAtNanos;
    }

    public List<String> marksEchoed() {
        return List.copyOf(marksEchoed);
    }

    public int pendingMarks() {
        synchronized (pending) {
            return pending.size();
        }
    }

    public int clears() {
        return clears.get();
    }

    public List<JsonObject> unexpected() {
        return List.copyOf(unexpected);
    }

    public void awaitReceivedBytes(long bytes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (receivedBytes.get() < bytes && System.nanoTime() < deadline) {
            sleep(5);
        }
        if (receivedBytes.get() < bytes) {
            throw new AssertionError("Twilio got " + receivedBytes.get() + " of " + bytes + " bytes of assistant audio");
        }
    }

    /** Waits for the server to close the stream; the reason, or null when it stayed open. */
    public CloseReason awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public void close() {
        try {
            if (session.isOpen()) {
                session.close();
            }
        } catch (IOException e) {
            // gone already
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
