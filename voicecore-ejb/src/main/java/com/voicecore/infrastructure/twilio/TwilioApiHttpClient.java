package com.voicecore.infrastructure.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.Twilio;
import com.twilio.constant.EnumConstants;
import com.twilio.exception.RestException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP exchange under twilio-java, on the JDK's {@code java.net.http} client instead of
 * twilio-java's {@code NetworkHttpClient}, for three reasons that matter under Fault Tolerance:
 * <ul>
 *   <li><b>One attempt.</b> twilio-java's {@code HttpClient.reliableRequest} repeats 5xx answers three
 *   times by itself; here retrying is {@code @Retry}'s job alone, so the counts and delays it declares
 *   are the ones that happen.</li>
 *   <li><b>Timeouts that hold.</b> {@code NetworkHttpClient} sets its own request config (30.5 s to
 *   connect) on every request, and Apache's blocking sockets ignore the thread interrupt with which
 *   {@code @Timeout} stops a synchronous call; the JDK client takes our timeouts and gives up when
 *   interrupted.</li>
 *   <li><b>Failures by kind.</b> 5xx and transport failures become {@link TwilioUnavailableException}
 *   (no connection at all: {@link TwilioUnreachableException}); 4xx answers go back to twilio-java,
 *   which turns them into an {@code ApiException} with Twilio's code and message.</li>
 * </ul>
 * It also sends the requests meant for {@code https://api.twilio.com} to a configurable base URL (a
 * fake in tests, the local simulator). twilio-java 13 builds every URL as
 * {@code https://{domain}.twilio.com{path}}, and with neither region nor edge set (we set none) the API
 * domain stays {@code api.twilio.com}; that prefix is what is replaced, everything else goes out
 * unchanged. One instance serves every account: credentials travel per request.
 */
public class TwilioApiHttpClient extends HttpClient {

    public static final URI TWILIO_API = URI.create("https://api.twilio.com");
    private static final String TWILIO_API_PREFIX = "https://api.twilio.com/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final Duration responseTimeout;
    private final java.net.http.HttpClient http;

    /**
     * @param apiBaseUrl      where {@code https://api.twilio.com} requests go, e.g. {@code http://127.0.0.1:8089}
     * @param connectTimeout  to establish a connection
     * @param responseTimeout from sending the request to the end of the answer's headers
     */
    public TwilioApiHttpClient(URI apiBaseUrl, Duration connectTimeout, Duration responseTimeout) {
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        String scheme = apiBaseUrl.getScheme();
        if (!apiBaseUrl.isAbsolute() || apiBaseUrl.getHost() == null
                || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("The Twilio API base URL must be an absolute http(s) URL: " + apiBaseUrl);
        }
        String b = apiBaseUrl.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
        this.http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                // never follow: a redirect would carry the Authorization header somewhere else
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
    }

    /** The URL a request for {@code url} really goes to. */
    URI target(String url) {
        return URI.create(url.startsWith(TWILIO_API_PREFIX) ? base + url.substring(TWILIO_API_PREFIX.length() - 1) : url);
    }

    /** One attempt; see the class comment. */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        URI uri = target(request.constructURL().toString());
        HttpMethod method = request.getMethod();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(responseTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", "twilio-java/" + Twilio.VERSION + " (VoiceCore; java.net.http)");
        if (request.requiresAuthentication()) {
            b.header("Authorization", request.getAuthString());
        }
        request.getHeaderParams().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        if (method == HttpMethod.GET || method == HttpMethod.DELETE) {
            b.method(method.toString(), HttpRequest.BodyPublishers.noBody());
        } else if (request.getContentType() == EnumConstants.ContentType.JSON) {
            b.header("Content-Type", "application/json")
                    .method(method.toString(), HttpRequest.BodyPublishers.ofString(request.getBody()));
        } else {
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method.toString(), HttpRequest.BodyPublishers.ofString(request.encodeFormBody()));
        }

        String what = method + " " + uri.getPath();
        HttpResponse<String> answer;
        try {
            answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new TwilioUnreachableException("Cannot connect to the Twilio API at " + uri.getHost()
                    + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + " (" + describe(e) + ")", e);
        } catch (HttpTimeoutException e) {
            throw new TwilioUnavailableException("No answer from Twilio to " + what + " within "
                    + responseTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new TwilioUnavailableException("Twilio request " + what + " failed: " + describe(e), e);
        } catch (InterruptedException e) {
            // @Timeout interrupts the thread; keep the flag so it sees its own interruption
            Thread.currentThread().interrupt();
            throw new TwilioUnavailableException("Interrupted while waiting for Twilio to answer " + what, e);
        }

        if (answer.statusCode() >= 500) {
            throw new TwilioUnavailableException("Twilio answered HTTP " + answer.statusCode() + " to " + what
                    + twilioMessage(answer.body()));
        }
        Header[] headers = answer.headers().map().entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> new BasicHeader(e.getKey(), v)))
                .toArray(Header[]::new);
        return new Response(answer.body(), answer.statusCode(), headers);
    }

    /** ": message (code 20500)" from a Twilio error body, or nothing when the body is not one. */
    private static String twilioMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            RestException error = RestException.fromJson(
                    new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), JSON);
            if (error != null && error.getMessage() != null) {
                return ": " + error.getMessage() + (error.getCode() == null ? "" : " (code " + error.getCode() + ")");
            }
        } catch (RuntimeException notJson) {
            // a proxy's HTML error page, say
        }
        return "";
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message.strip();
    }
}
