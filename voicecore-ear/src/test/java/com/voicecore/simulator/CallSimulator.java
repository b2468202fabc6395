package com.voicecore.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Plays Twilio's side of inbound voice calls against a VoiceCore server at {@code baseUrl}:
 *
 * <pre>{@code
 * var sim = new CallSimulator(URI.create("http://localhost:8080"), "AC…", authToken);
 * SimulatedCall call = sim.call(CallScript.from("+14155550100").to("+14155550199").pressDigits("1"));
 * assertEquals(List.of(), call.failures());
 * }</pre>
 *
 * Immutable: the {@code with…} methods return a changed copy sharing the HTTP client. Safe to use from several
 * threads (each call has its own state).
 */
public final class CallSimulator {

    public static final String API_VERSION = "2010-04-01";
    static final String IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token";
    /** Twilio's default read timeout for a webhook. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    /** How requests are signed: correctly, with a wrong auth token, or not at all (for rejection tests). */
    public enum Signing { VALID, WRONG_TOKEN, NONE }

    /** The order {@link #replayStatusCallbacks} re-sends callbacks in. */
    public enum Replay { AS_SENT, REVERSED, SHUFFLED }

    private final URI baseUrl;
    private final String accountSid;
    private final String authToken;
    private final HttpClient http;
    private final Signing signing;
    private final URI voiceUrl;
    private final URI statusCallback;
    private final Clock clock;
    private final Random random;
    private LiveControl live;

    /**
     * Twilio's REST side of a live call: the call is announced when it starts and ends, and may be moved
     * to new TwiML while it runs (as Twilio's call update does). With it, a {@code <Gather>} that hears
     * nothing waits its timeout in real time, watching for such a move: that is how a queued caller is
     * bridged to the agent who accepted.
     */
    public interface LiveControl {
        void started(String callSid, String accountSid, String from, String to);

        /** Where the call was moved since the last look, if it was. */
        java.util.Optional<URI> movedTo(String callSid);

        void ended(String callSid);
    }

    /**
     * @param baseUrl where VoiceCore answers, e.g. {@code http://localhost:8080}; the incoming-call webhook is
     *                {@code {baseUrl}/twilio/voice/incoming}, status callbacks go to {@code {baseUrl}/twilio/voice/status}
     */
    public CallSimulator(URI baseUrl, String accountSid, String authToken) {
        this(baseUrl, accountSid, authToken,
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1) // what Twilio speaks to webhooks
                        .connectTimeout(Duration.ofSeconds(5)) // Twilio's default connect timeout
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                Signing.VALID, under(baseUrl, "/twilio/voice/incoming"), under(baseUrl, "/twilio/voice/status"),
                Clock.systemUTC(), new Random());
    }

    private CallSimulator(URI baseUrl, String accountSid, String authToken, HttpClient http, Signing signing,
                          URI voiceUrl, URI statusCallback, Clock clock, Random random) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        if (accountSid == null || accountSid.isBlank()) {
            throw new IllegalArgumentException("accountSid must not be blank");
        }
        if (authToken == null || authToken.isEmpty()) {
            throw new IllegalArgumentException("authToken must not be empty");
        }
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.http = http;
        this.signing = signing;
        this.voiceUrl = voiceUrl;
        this.statusCallback = statusCallback;
        this.clock = clock;
        this.random = random;
    }

    public CallSimulator withSigning(Signing signing) {
        return new CallSimulator(baseUrl, accountSid, authToken, http, Objects.requireNonNull(signing), voiceUrl,
                statusCallback, clock, random);
    }

    /** The number's voice URL, when it is not {@code {baseUrl}/twilio/voice/incoming}. */
    public CallSimulator withVoiceUrl(URI voiceUrl) {
        return new CallSimulator(baseUrl, accountSid, authToken, http, signing, Objects.requireNonNull(voiceUrl),
                statusCallback, clock, random);
    }

    public CallSimulator withStatusCallback(URI statusCallback) {
        return new CallSimulator(baseUrl, accountSid, authToken, http, signing, voiceUrl,
                Objects.requireNonNull(statusCallback), clock, random);
    }

    public CallSimulator withoutStatusCallbacks() {
        return new CallSimulator(baseUrl, accountSid, authToken, http, signing, voiceUrl, null, clock, random);
    }

    /** Where simulated time starts (the callbacks' {@code Timestamp}s); the system clock by default. */
    public CallSimulator withClock(Clock clock) {
        return new CallSimulator(baseUrl, accountSid, authToken, http, signing, voiceUrl, statusCallback,
                Objects.requireNonNull(clock), random);
    }

    /** Seeds the SIDs and the replay shuffle, for a reproducible run. */
    public CallSimulator withSeed(long seed) {
        return new CallSimulator(baseUrl, accountSid, authToken, http, signing, voiceUrl, statusCallback, clock,
                new Random(seed));
    }

    public CallSimulator withHttpClient(HttpClient http) {
        return new CallSimulator(baseUrl, accountSid, authToken, Objects.requireNonNull(http), signing, voiceUrl,
                statusCallback, clock, random);
    }

    /** Lets the REST API (a fake Twilio API) move the simulator's calls while they run. */
    public CallSimulator withLiveControl(LiveControl control) {
        CallSimulator copy = new CallSimulator(baseUrl, accountSid, authToken, http, signing, voiceUrl, statusCallback,
                clock, random);
        copy.live = control;
        return copy;
    }

    LiveControl live() {
        return live;
    }

    /** Places one inbound call and plays it to the end; never throws for what the server answers. */
    public SimulatedCall call(CallScript script) {
        return new CallRun(this, script).run();
    }

    /**
     * Re-sends the call's status callbacks as Twilio may deliver them: out of order and more than once (a retry
     * carries the original {@code I-Twilio-Idempotency-Token} and, same URL and parameters, the same signature).
     *
     * @param duplicates how many extra copies of each callback (0: each once more)
     * @return the new exchanges, in the order sent
     */
    public List<Exchange> replayStatusCallbacks(SimulatedCall call, Replay order, int duplicates) {
        if (duplicates < 0) {
            throw new IllegalArgumentException("duplicates must not be negative: " + duplicates);
        }
        List<Exchange> batch = new ArrayList<>();
        for (Exchange original : call.statusCallbacks()) {
            for (int i = 0; i <= duplicates; i++) {
                batch.add(original);
            }
        }
        switch (order) {
            case AS_SENT -> {
            }
            case REVERSED -> Collections.reverse(batch);
            case SHUFFLED -> Collections.shuffle(batch, random);
        }
        return batch.stream()
                .map(e -> send(e.kind(), e.method(), e.url(), e.parameters(), e.idempotencyToken()))
                .collect(Collectors.toList());
    }

    URI voiceUrl() {
        return voiceUrl;
    }

    URI statusCallback() {
        return statusCallback;
    }

    String accountSid() {
        return accountSid;
    }

    Clock clock() {
        return clock;
    }

    /** A Twilio-style SID: two letters and 32 hex digits. */
    String newSid(String prefix) {
        StringBuilder sid = new StringBuilder(prefix);
        for (int i = 0; i < 32; i++) {
            sid.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sid.toString();
    }

    /**
     * One signed request as Twilio makes it. POST: form body, the URL and the parameters signed. GET: the parameters
     * appended to the query string, only that URL signed.
     */
    Exchange send(Exchange.Kind kind, String method, URI url, Map<String, String> parameters, String idempotencyToken) {
        boolean get = "GET".equals(method);
        URI requested = get ? withQuery(url, parameters) : url;
        Map<String, String> headers = new LinkedHashMap<>();
        if (!get) {
            headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        }
        headers.put("User-Agent", "TwilioProxy/1.1 (VoiceCore call simulator)");
        headers.put(IDEMPOTENCY_HEADER, idempotencyToken);
        Map<String, String> signed = get ? Map.of() : parameters;
        switch (signing) {
            case VALID -> headers.put(TwilioSignature.HEADER, new TwilioSignature(authToken).sign(requested.toString(), signed));
            case WRONG_TOKEN -> headers.put(TwilioSignature.HEADER,
                    new TwilioSignature("not-" + authToken).sign(requested.toString(), signed));
            case NONE -> {
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(requested).timeout(REQUEST_TIMEOUT);
        headers.forEach(request::header);
        request.method(method, get ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(formEncode(parameters), StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Exchange(kind, method, requested, parameters, headers, response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return new Exchange(kind, method, requested, parameters, headers, -1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(kind, method, requested, parameters, headers, -1, "", "interrupted");
        }
    }

    static String formEncode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static URI withQuery(URI url, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return url;
        }
        String base = url.toString();
        int fragment = base.indexOf('#');
        if (fragment >= 0) {
            base = base.substring(0, fragment);
        }
        return URI.create(base + (url.getRawQuery() == null ? "?" : "&") + formEncode(parameters));
    }

    /** Appends a path to the base URL, keeping any context path (URI.resolve would drop its last segment). */
    static URI under(URI baseUrl, String path) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path);
    }
}
