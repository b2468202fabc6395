package com.voicecore.infrastructure.openai;

import com.voicecore.application.voice.RealtimeConnection;
import com.voicecore.application.voice.RealtimeConnector;
import com.voicecore.application.voice.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Opens OpenAI Realtime sessions (GA: {@code wss://api.openai.com/v1/realtime?model=…}, bearer key, no
 * beta header) with the JDK's asynchronous WebSocket client: one shared {@link HttpClient}, its selector
 * thread serving every session, so a thousand calls hold a thousand sockets and no thread each.
 * <p>
 * Fault tolerance on opening: {@code @Timeout} 4 s for the handshake; {@code @CircuitBreaker} opens when
 * half of the last 10 attempts failed and tries again after 5 s, so an OpenAI outage costs callers no
 * waiting; {@code @Fallback} answers "not reachable" (empty), which sends the caller to a human.
 * No retry: a caller is waiting, and the stream's arrival tries once more on its own. Settings may be
 * overridden by MicroProfile Config, e.g.
 * {@code com.voicecore.infrastructure.openai.OpenAiRealtimeConnector/connect/Timeout/value}.
 */
@ApplicationScoped
public class OpenAiRealtimeConnector implements RealtimeConnector {

    public static final String URL_PROPERTY = "voicecore.openai.realtime-url";
    public static final String DEFAULT_URL = "wss://api.openai.com/v1/realtime";

    private final String baseUrl;
    private final HttpClient http;

    @Inject
    public OpenAiRealtimeConnector(@ConfigProperty(name = URL_PROPERTY, defaultValue = DEFAULT_URL) String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    /** For the CDI client proxy only. */
    protected OpenAiRealtimeConnector() {
        this.baseUrl = DEFAULT_URL;
        this.http = null;
    }

    @Override
    @Asynchronous
    @Timeout(4000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    @CircuitBreakerName("openai-realtime-connect")
    @Fallback(OpenAiUnreachable.class)
    public CompletionStage<Optional<RealtimeConnection>> connect(SessionConfig config, RealtimeConnection.Listener listener) {
        URI uri = URI.create(baseUrl + (baseUrl.contains("?") ? "&" : "?") + "model="
                + URLEncoder.encode(config.model(), StandardCharsets.UTF_8));
        JdkRealtimeConnection connection = new JdkRealtimeConnection(listener);
        return http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + config.apiKey())
                .connectTimeout(Duration.ofSeconds(3))
                .buildAsync(uri, connection)
                .thenApply(ws -> Optional.<RealtimeConnection>of(connection));
    }

}
