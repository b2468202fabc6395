package com.voicecore.infrastructure.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.voicecore.application.telephony.CallControl;
import com.voicecore.application.telephony.CallControlResult;
import com.voicecore.application.telephony.TwilioCredentials;
import com.voicecore.domain.model.shared.PhoneNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * {@link CallControl} over Twilio's REST API (twilio-java), each operation guarded by MicroProfile Fault
 * Tolerance. The interceptors wrap these public methods, which are what callers reach through the CDI
 * proxy of this bean; each method does its HTTP exchange itself (no self-invocation, which would bypass
 * the interceptors). Outside a container (unit tests) the annotations do nothing and the methods behave
 * as described under "Failures" below.
 * <p>
 * <b>Failures.</b> A 4xx answer is Twilio refusing the request: returned as a not-ok result with Twilio's
 * message, never retried and not counted against Twilio's health. 5xx answers and transport failures
 * throw {@link TwilioUnavailableException} ({@link TwilioUnreachableException} when no connection was
 * made), which the annotations handle:
 * <ul>
 *   <li>{@code @Timeout} 5 s per attempt (the HTTP client gives up after 2 s connecting, 4 s waiting);
 *   a timed-out attempt surfaces as FT's {@link TimeoutException}.</li>
 *   <li>{@code @Retry} 2 more attempts, 300 ms ± 200 ms apart (jitter spreads the retries of many calls
 *   after one Twilio hiccup), at most 20 s in all. {@code redirect} and {@code hangUp} retry on
 *   {@link TwilioUnavailableException} and {@link TimeoutException}: doing them twice does no harm.
 *   {@code forward} places a call and Twilio's API has no idempotency key, so after a 5xx or a timeout
 *   the call may exist and a second attempt would ring the number twice: it retries only on
 *   {@link TwilioUnreachableException}.</li>
 *   <li>{@code @CircuitBreaker} per operation: opens when half of the last 10 attempts failed with those
 *   exceptions, stays open 20 s, closes after 2 successes; calls meanwhile fail fast.</li>
 *   <li>{@code @Fallback} {@link TwilioCallControlFallback}: whatever is left (retries spent, circuit
 *   open, an unexpected exception) becomes a not-ok result; nothing is thrown to the caller.</li>
 * </ul>
 * Every value can be tuned without a rebuild through MicroProfile Config, e.g.
 * {@code com.voicecore.infrastructure.twilio.TwilioRestCallControl/forward/Retry/maxRetries=0}.
 * <p>
 * <b>Clients.</b> One {@link TwilioRestClient} per account, cached by account SID and replaced when the
 * token changes (a SHA-256 of it is kept to notice; never the token in a log or message). All of them
 * share one {@link TwilioApiHttpClient}, which sends {@code https://api.twilio.com} requests to
 * {@value #API_BASE_URL_PROPERTY}.
 */
@ApplicationScoped
public class TwilioRestCallControl implements CallControl {

    public static final String API_BASE_URL_PROPERTY = "voicecore.twilio.api-base-url";
    public static final String DEFAULT_API_BASE_URL = "https://api.twilio.com";

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(4);

    private static final Pattern CALL_SID = Pattern.compile("CA[0-9a-fA-F]{32}");
    /** The forwarded leg's progress, so routing learns when it rings, is answered and ends. */
    private static final List<String> FORWARD_STATUS_EVENTS = List.of("initiated", "ringing", "answered", "completed");

    private TwilioApiHttpClient http;
    private ConcurrentMap<String, AccountClient> clients;

    @Inject
    public TwilioRestCallControl(@ConfigProperty(name = API_BASE_URL_PROPERTY, defaultValue = DEFAULT_API_BASE_URL)
                                 String apiBaseUrl) {
        this(URI.create(apiBaseUrl.strip()));
    }

    public TwilioRestCallControl(URI apiBaseUrl) {
        this(apiBaseUrl, CONNECT_TIMEOUT, RESPONSE_TIMEOUT);
    }

    /** With other HTTP timeouts (tests). */
    TwilioRestCallControl(URI apiBaseUrl, Duration connectTimeout, Duration responseTimeout) {
        this.http = new TwilioApiHttpClient(apiBaseUrl, connectTimeout, responseTimeout);
        this.clients = new ConcurrentHashMap<>();
    }

    /** For the CDI client proxy only: builds nothing (an HTTP client per proxy would be waste). */
    protected TwilioRestCallControl() {
    }

    @Override
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, maxDuration = 20, durationUnit = ChronoUnit.SECONDS,
            retryOn = {TwilioUnavailableException.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 20, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = {TwilioUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName("twilio-redirect")
    @Fallback(TwilioCallControlFallback.class)
    public CallControlResult redirect(TwilioCredentials account, String callSid, URI twimlUrl) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(twimlUrl, "twimlUrl");
        if (!isCallSid(callSid)) {
            return CallControlResult.failed("Not a Twilio call SID: " + callSid);
        }
        try {
            Call call = Call.updater(account.accountSid(), callSid)
                    .setUrl(twimlUrl).setMethod(HttpMethod.POST)
                    .update(client(account));
            return CallControlResult.succeeded(call.getSid(), "Call " + call.getSid() + " now runs " + twimlUrl);
        } catch (ApiException refused) {
            return refused("redirect", refused);
        }
    }

    @Override
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, maxDuration = 20, durationUnit = ChronoUnit.SECONDS,
            retryOn = TwilioUnreachableException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 20, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = {TwilioUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName("twilio-forward")
    @Fallback(TwilioCallControlFallback.class)
    public CallControlResult forward(TwilioCredentials account, String originalCaller, String callToken, String to,
                                     URI twimlUrl, URI statusCallback) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(twimlUrl, "twimlUrl");
        if (PhoneNumber.tryParse(originalCaller).isEmpty()) {
            return CallControlResult.failed("The caller's number is withheld or not E.164 (" + originalCaller
                    + "): it cannot be shown on a forwarded call");
        }
        if (PhoneNumber.tryParse(to).isEmpty()) {
            return CallControlResult.failed("Cannot forward to " + to + ": not an E.164 number");
        }
        if (callToken == null || callToken.isBlank()) {
            return CallControlResult.failed("The inbound call has no CallToken: Twilio would not let the forwarded"
                    + " call show the caller's number");
        }
        try {
            var creator = Call.creator(account.accountSid(), new com.twilio.type.PhoneNumber(to),
                            new com.twilio.type.PhoneNumber(originalCaller), twimlUrl)
                    .setMethod(HttpMethod.POST)
                    .setCallToken(callToken);
            if (statusCallback != null) {
                creator.setStatusCallback(statusCallback)
                        .setStatusCallbackMethod(HttpMethod.POST)
                        .setStatusCallbackEvent(FORWARD_STATUS_EVENTS);
            }
            Call call = creator.create(client(account));
            return CallControlResult.succeeded(call.getSid(), "Forwarding to " + to + " as " + originalCaller
                    + " (call " + call.getSid() + ", " + call.getStatus() + ")");
        } catch (ApiException refused) {
            return refused("forward", refused);
        }
    }

    @Override
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, maxDuration = 20, durationUnit = ChronoUnit.SECONDS,
            retryOn = {TwilioUnavailableException.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 20, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = {TwilioUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName("twilio-hang-up")
    @Fallback(TwilioCallControlFallback.class)
    public CallControlResult hangUp(TwilioCredentials account, String callSid) {
        Objects.requireNonNull(account, "account");
        if (!isCallSid(callSid)) {
            return CallControlResult.failed("Not a Twilio call SID: " + callSid);
        }
        try {
            // 'completed' ends the call whatever its state; 'canceled' would only stop a queued or ringing one
            Call call = Call.updater(account.accountSid(), callSid)
                    .setStatus(Call.UpdateStatus.COMPLETED)
                    .update(client(account));
            return CallControlResult.succeeded(call.getSid(), "Call " + call.getSid() + " hung up");
        } catch (ApiException refused) {
            return refused("hang-up", refused);
        }
    }

    /** How many accounts have a client (for tests and diagnostics). */
    int cachedAccounts() {
        return clients.size();
    }

    private TwilioRestClient client(TwilioCredentials account) {
        String digest = sha256(account.authToken());
        return clients.compute(account.accountSid(), (sid, cached) ->
                cached != null && cached.tokenDigest().equals(digest) ? cached
                        : new AccountClient(digest, new TwilioRestClient.Builder(sid, account.authToken())
                        .httpClient(http).build())).client();
    }

    /** Twilio's answer to a request it refused (4xx), with its error code and message. */
    private static CallControlResult refused(String operation, ApiException e) {
        StringBuilder detail = new StringBuilder("Twilio refused the ").append(operation);
        if (e.getStatusCode() != null) {
            detail.append(" (HTTP ").append(e.getStatusCode());
            if (e.getCode() != null) {
                detail.append(", error ").append(e.getCode());
            }
            detail.append(')');
        }
        return CallControlResult.failed(detail.append(": ").append(e.getMessage()).toString());
    }

    private static boolean isCallSid(String callSid) {
        return callSid != null && CALL_SID.matcher(callSid).matches();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    /** A cached client; its toString shows neither the token nor its digest. */
    private record AccountClient(String tokenDigest, TwilioRestClient client) {
        @Override
        public String toString() {
            return "AccountClient[" + client.getAccountSid() + "]";
        }
    }
}
