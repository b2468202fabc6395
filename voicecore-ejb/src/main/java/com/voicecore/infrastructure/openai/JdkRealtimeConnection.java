package com.voicecore.infrastructure.openai;

import com.voicecore.application.voice.RealtimeConnection;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One OpenAI session over a JDK WebSocket. The JDK allows one outstanding send per socket: sends go
 * through a lock-free outbox drained by whoever finds it idle, one message after the other, in order,
 * never blocking the caller (caller audio arrives here 50 times a second per call, from the media
 * stream's thread, while the bridge sends its own events from OpenAI's). Fragments of a server event
 * are joined before the listener sees it, one event at a time.
 */
final class JdkRealtimeConnection implements WebSocket.Listener, RealtimeConnection {

    private static final String CLOSE = new String("close"); // compared by identity: never a real event
    private static final long CLOSE_TIMEOUT_MS = 5000;

    private final RealtimeConnection.Listener listener;
    private final StringBuilder partial = new StringBuilder();
    private final ConcurrentLinkedQueue<String> outbox = new ConcurrentLinkedQueue<>();
    /** Messages in the outbox or being sent; the sender that raises it from 0 drains. */
    private final AtomicInteger unsent = new AtomicInteger();
    private volatile WebSocket socket;
    private volatile boolean closedByUs;

    JdkRealtimeConnection(RealtimeConnection.Listener listener) {
        this.listener = listener;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (last && partial.length() == 0) {
            listener.onEvent(data.toString(), System.nanoTime()); // the usual case: a whole event in one piece
        } else {
            partial.append(data);
            if (last) {
                String event = partial.toString();
                partial.setLength(0);
                listener.onEvent(event, System.nanoTime());
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (!closedByUs) {
            listener.onClosed("closed by OpenAI (" + statusCode + ")");
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (!closedByUs) {
            listener.onClosed("connection failed (" + error.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void send(String json) {
        if (socket == null || closedByUs) {
            return;
        }
        enqueue(json);
    }

    @Override
    public void close() {
        if (closedByUs) {
            return;
        }
        closedByUs = true;
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        enqueue(CLOSE); // after everything already queued
        CompletableFuture.delayedExecutor(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS).execute(() -> {
            if (!ws.isOutputClosed()) {
                ws.abort(); // the outbox is stuck (a peer that stopped reading): give up on it
            }
        });
    }

    private void enqueue(String message) {
        outbox.offer(message);
        if (unsent.getAndIncrement() == 0) {
            drain();
        }
    }

    /** Sends queued messages one at a time; returns when the outbox is empty or a send is still in flight. */
    private void drain() {
        WebSocket ws = socket;
        do {
            String next = outbox.poll();
            CompletableFuture<WebSocket> sent;
            try {
                sent = next == CLOSE ? ws.sendClose(WebSocket.NORMAL_CLOSURE, "call over") : ws.sendText(next, true);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e); // a broken socket: onError tells the bridge
            }
            if (!sent.isDone()) {
                sent.whenComplete((w, e) -> {
                    if (unsent.decrementAndGet() > 0) {
                        drain();
                    }
                });
                return;
            }
        } while (unsent.decrementAndGet() > 0);
    }
}
