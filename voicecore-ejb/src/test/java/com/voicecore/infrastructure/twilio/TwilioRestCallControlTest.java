package com.voicecore.infrastructure.twilio;

import com.voicecore.application.telephony.CallControl;
import com.voicecore.application.telephony.CallControlResult;
import com.voicecore.application.telephony.TwilioCredentials;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adapter against {@link FakeTwilioApi}, without a container: the Fault Tolerance annotations are
 * inert here, so 5xx and transport failures come out as the exceptions the annotations are declared for
 * (checked at the end against the annotations themselves).
 */
class TwilioRestCallControlTest {

    private static final String SID = "AC" + "0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "f1e2d3c4b5a6978800112233445566ff";
    private static final TwilioCredentials ACCOUNT = new TwilioCredentials(SID, TOKEN);
    private static final String TENANT_NUMBER = "+14155550100";
    private static final String CALLER = "+14155550123";
    private static final String AGENT_MOBILE = "+4915112345678";
    private static final URI TWIML = URI.create("https://voicecore.example.com/twilio/whisper?call=42");
    private static final URI STATUS = URI.create("https://voicecore.example.com/twilio/status");

    private FakeTwilioApi twilio;
    private TwilioRestCallControl control;

    @BeforeEach
    void start() {
        twilio = FakeTwilioApi.start().account(SID, TOKEN, TENANT_NUMBER);
        control = new TwilioRestCallControl(twilio.baseUrl(), Duration.ofSeconds(1), Duration.ofMillis(700));
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Nested
    class Forward {

        @Test
        void placesTheCallFromTheOriginalCallerWithTheInboundCallsToken() {
            FakeTwilioApi.FakeCall inbound = twilio.liveCall(SID, CALLER, TENANT_NUMBER);

            CallControlResult result = control.forward(ACCOUNT, CALLER, inbound.callToken(), AGENT_MOBILE, TWIML, STATUS);

            assertTrue(result.ok(), result.detail());
            FakeTwilioApi.Recorded sent = twilio.lastRequest();
            assertEquals("POST", sent.method());
            assertEquals("/2010-04-01/Accounts/" + SID + "/Calls.json", sent.path());
            assertEquals(Optional.of(SID), sent.authenticatedAccount());
            assertEquals(CALLER, sent.param("From"), "the callee sees the original caller");
            assertEquals(inbound.callToken(), sent.param("CallToken"));
            assertEquals(AGENT_MOBILE, sent.param("To"));
            assertEquals(TWIML.toString(), sent.param("Url"));
            assertEquals("POST", sent.param("Method"));
            assertEquals(STATUS.toString(), sent.param("StatusCallback"));
            assertEquals("POST", sent.param("StatusCallbackMethod"));
            assertEquals(List.of("initiated", "ringing", "answered", "completed"), sent.params("StatusCallbackEvent"));

            String newCall = result.callSid().orElseThrow();
            FakeTwilioApi.FakeCall placed = twilio.call(newCall).orElseThrow();
            assertEquals(CALLER, placed.from());
            assertEquals("outbound-api", placed.direction());
            assertTrue(result.detail().contains(AGENT_MOBILE) && result.detail().contains(newCall), result.detail());
        }

        @Test
        void withoutAStatusCallbackAsksForNone() {
            FakeTwilioApi.FakeCall inbound = twilio.liveCall(SID, CALLER, TENANT_NUMBER);
            assertTrue(control.forward(ACCOUNT, CALLER, inbound.callToken(), AGENT_MOBILE, TWIML, null).ok());
            assertEquals(null, twilio.lastRequest().param("StatusCallback"));
            assertEquals(List.of(), twilio.lastRequest().params("StatusCallbackEvent"));
        }

        @Test
        void aWithheldNumberOrAMissingTokenIsRefusedBeforeAskingTwilio() {
            CallControlResult anonymous = control.forward(ACCOUNT, "anonymous", "CT1", AGENT_MOBILE, TWIML, STATUS);
            assertFalse(anonymous.ok());
            assertTrue(anonymous.detail().contains("withheld"), anonymous.detail());
            CallControlResult noToken = control.forward(ACCOUNT, CALLER, " ", AGENT_MOBILE, TWIML, STATUS);
            assertFalse(noToken.ok());
            assertTrue(noToken.detail().contains("CallToken"), noToken.detail());
            assertFalse(control.forward(ACCOUNT, CALLER, "CT1", "0151 123", TWIML, STATUS).ok());
            assertEquals(List.of(), twilio.requests());
        }
    }

    @Nested
    class RedirectAndHangUp {

        @Test
        void redirectPostsTheNewTwimlUrlToTheCall() {
            FakeTwilioApi.FakeCall call = twilio.liveCall(SID, CALLER, TENANT_NUMBER);

            CallControlResult result = control.redirect(ACCOUNT, call.sid(), TWIML);

            assertTrue(result.ok(), result.detail());
            assertEquals(Optional.of(call.sid()), result.callSid());
            FakeTwilioApi.Recorded sent = twilio.lastRequest();
            assertEquals("/2010-04-01/Accounts/" + SID + "/Calls/" + call.sid() + ".json", sent.path());
            assertEquals(TWIML.toString(), sent.param("Url"));
            assertEquals("POST", sent.param("Method"));
            assertEquals(null, sent.param("Status"));
            assertEquals(TWIML.toString(), twilio.call(call.sid()).orElseThrow().url());
        }

        @Test
        void hangUpCompletesTheCall() {
            FakeTwilioApi.FakeCall call = twilio.liveCall(SID, CALLER, TENANT_NUMBER);

            CallControlResult result = control.hangUp(ACCOUNT, call.sid());

            assertTrue(result.ok(), result.detail());
            assertEquals("completed", twilio.lastRequest().param("Status"));
            assertEquals("completed", twilio.call(call.sid()).orElseThrow().status());
        }

        @Test
        void somethingThatIsNotACallSidIsNotSent() {
            assertFalse(control.redirect(ACCOUNT, "CA123", TWIML).ok());
            assertFalse(control.hangUp(ACCOUNT, null).ok());
            assertEquals(List.of(), twilio.requests());
        }
    }

    @Nested
    class Refusals {

        @Test
        void wrongCredentialsComeBackNotOkWithTwiliosMessageAndWithoutTheToken() {
            FakeTwilioApi.FakeCall call = twilio.liveCall(SID, CALLER, TENANT_NUMBER);
            String wrongToken = "00000000000000000000000000000000";

            CallControlResult result = control.redirect(new TwilioCredentials(SID, wrongToken), call.sid(), TWIML);

            assertFalse(result.ok());
            assertEquals(Optional.empty(), result.callSid());
            assertEquals("Twilio refused the redirect (HTTP 401, error 20003): Authenticate", result.detail());
            assertEquals(401, twilio.lastRequest().status());
            assertEquals(1, twilio.requests().size(), "a refusal is not retried");
        }

        @Test
        void anUnknownCallIsTwilios404() {
            CallControlResult result = control.hangUp(ACCOUNT, "CA" + "ffffffffffffffffffffffffffffffff");
            assertFalse(result.ok());
            assertTrue(result.detail().startsWith("Twilio refused the hang-up (HTTP 404, error 20404): The requested resource"),
                    result.detail());
        }

        @Test
        void aCallThatHasEndedCannotBeRedirected() {
            FakeTwilioApi.FakeCall call = twilio.liveCall(SID, CALLER, TENANT_NUMBER);
            assertTrue(control.hangUp(ACCOUNT, call.sid()).ok());
            CallControlResult result = control.redirect(ACCOUNT, call.sid(), TWIML);
            assertFalse(result.ok());
            assertTrue(result.detail().contains("21220"), result.detail());
        }

        @Test
        void aScripted4xxIsNotOkAndNeverThrown() {
            twilio.failNext(1, 429);
            FakeTwilioApi.FakeCall call = twilio.liveCall(SID, CALLER, TENANT_NUMBER);
            CallControlResult result = control.redirect(ACCOUNT, call.sid(), TWIML);
            assertFalse(result.ok());
            assertTrue(result.detail().contains("HTTP 429"), result.detail());
        }
    }

    @Nested
    class Outages {

        @Test
        void a5xxThrowsTheExceptionRetryIsDeclaredForAfterExactlyOneRequest() {
            twilio.failNext(1, 503);
            FakeTwilioApi.FakeCall call = twilio.liveCall(SID, CALLER, TENANT_NUMBER);

            TwilioUnavailableException e = assertThrows(TwilioUnavailableException.class,
                    () -> control.redirect(ACCOUNT, call.sid(), TWIML));

            assertFalse(e instanceof TwilioUnreachableException, "Twilio was reached");
            assertTrue(e.getMessage().contains("HTTP 503") && e.getMessage().contains("code 20503"), e.getMessage());
            assertFalse(e.getMessage().contains(TOKEN));
            assertEquals(1, twilio.requests().size(), "twilio-java's own 5xx retries are off: @Retry decides");
            // the next attempt (what @Retry would make) goes through
            assertTrue(control.redirect(ACCOUNT, call.sid(), TWIML).ok());
        }

        @Test
        void aBrokenConnectionIsUnavailableButNotUnreachable() {
            twilio.dropNext(1);
            FakeTwilioApi.FakeCall call = twilio.liveCall(SID, CALLER, TENANT_NUMBER);
            TwilioUnavailableException e = assertThrows(TwilioUnavailableException.class,
                    () -> control.hangUp(ACCOUNT, call.sid()));
            assertFalse(e instanceof TwilioUnreachableException, "the request was sent: " + e.getMessage());
            assertEquals(1, twilio.requests().size(), "no silent resend of a POST by the HTTP client");
        }

        @Test
        void aSlowAnswerIsUnavailable() {
            twilio.delayNext(1, Duration.ofMillis(1500));
            FakeTwilioApi.FakeCall call = twilio.liveCall(SID, CALLER, TENANT_NUMBER);
            TwilioUnavailableException e = assertThrows(TwilioUnavailableException.class,
                    () -> control.redirect(ACCOUNT, call.sid(), TWIML));
            assertTrue(e.getMessage().contains("within 700 ms"), e.getMessage());
        }

        @Test
        void noServerAtAllIsUnreachableSoEvenAForwardMayBeRetried() throws Exception {
            int closedPort;
            try (ServerSocket s = new ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            TwilioRestCallControl nowhere = new TwilioRestCallControl(URI.create("http://127.0.0.1:" + closedPort),
                    Duration.ofSeconds(1), Duration.ofSeconds(1));
            TwilioUnreachableException e = assertThrows(TwilioUnreachableException.class,
                    () -> nowhere.forward(ACCOUNT, CALLER, "CT1", AGENT_MOBILE, TWIML, STATUS));
            assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
        }

        @Test
        void anInterruptStopsTheWaitSoTimeoutCanEndTheAttempt() throws Exception {
            twilio.delayNext(1, Duration.ofSeconds(5));
            TwilioRestCallControl patient = new TwilioRestCallControl(twilio.baseUrl(), Duration.ofSeconds(1),
                    Duration.ofSeconds(30));
            FakeTwilioApi.FakeCall call = twilio.liveCall(SID, CALLER, TENANT_NUMBER);
            AtomicBoolean flagKept = new AtomicBoolean();
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread worker = new Thread(() -> {
                try {
                    patient.redirect(ACCOUNT, call.sid(), TWIML);
                    outcome.complete(null);
                } catch (Throwable t) {
                    flagKept.set(Thread.currentThread().isInterrupted());
                    outcome.complete(t);
                }
            });
            long started = System.nanoTime();
            worker.start();
            Thread.sleep(300);
            worker.interrupt();
            Throwable t = outcome.get(3, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(3), "gave up when interrupted");
            assertInstanceOf(TwilioUnavailableException.class, t);
            assertTrue(flagKept.get(), "the interrupt flag is kept for @Timeout to see");
        }
    }

    @Nested
    class Clients {

        @Test
        void oneClientPerAccountReplacedWhenTheTokenChanges() {
            FakeTwilioApi.FakeCall call = twilio.liveCall(SID, CALLER, TENANT_NUMBER);
            assertTrue(control.redirect(ACCOUNT, call.sid(), TWIML).ok());
            assertTrue(control.redirect(ACCOUNT, call.sid(), TWIML).ok());
            assertEquals(1, control.cachedAccounts());

            String rotated = "aaaabbbbccccddddeeeeffff00001111";
            twilio.account(SID, rotated, TENANT_NUMBER);
            assertFalse(control.redirect(ACCOUNT, call.sid(), TWIML).ok(), "the old token is refused now");
            assertTrue(control.redirect(new TwilioCredentials(SID, rotated), call.sid(), TWIML).ok());
            assertEquals(1, control.cachedAccounts());
        }

        @Test
        void requestsForTheRealApiGoToTheConfiguredBase() {
            TwilioApiHttpClient client = new TwilioApiHttpClient(URI.create("http://127.0.0.1:8089/sim/"),
                    Duration.ofSeconds(1), Duration.ofSeconds(1));
            assertEquals(URI.create("http://127.0.0.1:8089/sim/2010-04-01/Accounts/" + SID + "/Calls.json"),
                    client.target("https://api.twilio.com/2010-04-01/Accounts/" + SID + "/Calls.json"));
            assertEquals(URI.create("https://video.twilio.com/v1/Rooms"), client.target("https://video.twilio.com/v1/Rooms"));
            TwilioApiHttpClient real = new TwilioApiHttpClient(TwilioApiHttpClient.TWILIO_API,
                    Duration.ofSeconds(1), Duration.ofSeconds(1));
            assertEquals(URI.create("https://api.twilio.com/2010-04-01/Accounts.json"),
                    real.target("https://api.twilio.com/2010-04-01/Accounts.json"));
            assertThrows(IllegalArgumentException.class, () -> new TwilioApiHttpClient(URI.create("api.twilio.com"),
                    Duration.ofSeconds(1), Duration.ofSeconds(1)));
        }

        @Test
        void credentialsNeverShowTheToken() {
            assertEquals("TwilioCredentials[accountSid=" + SID + ", authToken=(hidden)]", ACCOUNT.toString());
            assertThrows(IllegalArgumentException.class, () -> new TwilioCredentials("AC123", TOKEN));
            assertThrows(IllegalArgumentException.class, () -> new TwilioCredentials(SID, " "));
        }
    }

    /**
     * What the annotations promise, read from the annotations: in the container these decide what is
     * retried, what counts against the circuit and what the caller gets.
     */
    @Nested
    class FaultToleranceContract {

        private Method method(String name) {
            for (Method m : TwilioRestCallControl.class.getDeclaredMethods()) {
                if (m.getName().equals(name) && !m.isBridge()) {
                    return m;
                }
            }
            throw new AssertionError(name);
        }

        @Test
        void everyCallControlOperationIsGuarded() {
            for (Method port : CallControl.class.getDeclaredMethods()) {
                Method m = method(port.getName());
                assertNotNull(m.getAnnotation(Timeout.class), m.getName());
                assertNotNull(m.getAnnotation(Retry.class), m.getName());
                assertNotNull(m.getAnnotation(CircuitBreaker.class), m.getName());
                assertEquals(TwilioCallControlFallback.class, m.getAnnotation(Fallback.class).value(), m.getName());

                Timeout timeout = m.getAnnotation(Timeout.class);
                long attemptMillis = Duration.of(timeout.value(), timeout.unit()).toMillis();
                assertTrue(attemptMillis > TwilioRestCallControl.RESPONSE_TIMEOUT.toMillis(),
                        "the HTTP client gives up before @Timeout has to interrupt it");

                Retry retry = m.getAnnotation(Retry.class);
                assertTrue(retry.jitter() < retry.delay(), "delays stay positive");
                assertEquals(ChronoUnit.MILLIS, retry.delayUnit());

                CircuitBreaker breaker = m.getAnnotation(CircuitBreaker.class);
                assertEquals(Set.of(TwilioUnavailableException.class, TimeoutException.class), Set.of(breaker.failOn()),
                        "only Twilio's health counts; a 4xx is a result, not an exception");
            }
        }

        @Test
        void redirectAndHangUpRetryOutagesAndTimeouts() {
            for (String name : List.of("redirect", "hangUp")) {
                assertEquals(Set.of(TwilioUnavailableException.class, TimeoutException.class),
                        Set.of(method(name).getAnnotation(Retry.class).retryOn()), name);
            }
        }

        @Test
        void forwardRetriesOnlyWhenTwilioCertainlyDidNotGetTheRequest() {
            assertEquals(Set.of(TwilioUnreachableException.class),
                    Set.of(method("forward").getAnnotation(Retry.class).retryOn()));
        }

        @Test
        void theFallbackSaysWhatHappened() {
            assertTrue(TwilioCallControlFallback.detail(new CircuitBreakerOpenException("x")).contains("circuit open"));
            assertEquals("Twilio did not answer in time", TwilioCallControlFallback.detail(new TimeoutException("x")));
            assertEquals("Twilio answered HTTP 503", TwilioCallControlFallback.detail(
                    new TwilioUnavailableException("Twilio answered HTTP 503")));
            assertTrue(TwilioCallControlFallback.detail(new IllegalStateException("boom")).contains("IllegalStateException: boom"));
        }
    }
}
