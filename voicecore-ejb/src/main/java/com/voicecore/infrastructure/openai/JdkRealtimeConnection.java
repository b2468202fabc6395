package com.voicecore.infrastructure.openai;

import com.voicecore.application.voice.RealtimeConnection;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One OpenAI session over a JDK WebSocket. The JDK allows one outstanding send per socket, so sends
 * are chained (in order, never blocking the caller); fragments of a server event are joined before
 * the listener sees it, one event at a time.
 */
final class JdkRealtimeConnection implements WebSocket.Listener, RealtimeConnection {

    private final RealtimeConnection.Listener listener;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile boolean closedByUs;
    private CompletableFuture<WebSocket> tail;

    JdkRealtimeConnection(RealtimeConnection.Listener listener) {
        this.listener = listener;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        synchronized (this) {
            tail = CompletableFuture.completedFuture(webSocket);
        }
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String event = partial.toString();
            partial.setLength(0);
            listener.onEvent(event, System.nanoTime());
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
    public synchronized void send(String json) {
        if (tail == null || closedByUs) {
            return;
        }
        tail = tail.thenCompose(ws -> ws.sendText(json, true));
    }

    @Override
    public void close() {
        closedByUs = true;
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        CompletableFuture<WebSocket> last;
        synchronized (this) {
            last = tail == null ? CompletableFuture.completedFuture(ws) : tail;
        }
        last.handle((v, e) -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "call over"))
                .orTimeout(5, TimeUnit.SECONDS)
                .whenComplete((v, e) -> {
                    if (e != null) {
                        ws.abort();
                    }
                });
    }
}
