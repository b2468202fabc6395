package com.voicecore.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallSimulatorCliTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "cli-test-token";
    private static final Map<String, String> ENV = Map.of("TWILIO_AUTH_TOKEN", TOKEN, "TWILIO_ACCOUNT_SID", ACCOUNT);

    private FakeTwimlServer server;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        server = new FakeTwimlServer(TOKEN);
        // the shape of VoiceCore's greeting and AI receptionist: keys or words at each <Gather>
        server.twiml("/twilio/voice/incoming", "<Response><Gather numDigits=\"3\" action=\"/menu\">"
                + "<Say>Enter an extension</Say></Gather></Response>");
        server.twiml("/menu", "<Response><Gather input=\"dtmf speech\" language=\"en-US\" action=\"/speech\">"
                + "<Say>How can I help you?</Say></Gather></Response>");
        server.twiml("/speech", "<Response><Dial>+14155550123</Dial></Response>");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(Map<String, String> env, String... args) {
        return CallSimulatorCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void playsTheCallFromTheCommandLineWithTheTokenFromTheEnvironment() {
        int status = run(ENV, "--url", server.baseUrl().toString(), "--from", "+14155550100", "--to", "+14155550199",
                "--press", "101", "--say", "I'd like to talk to sales", "--dial=answered:42");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, printed + err);
        assertTrue(printed.contains("VoiceCore: \"Enter an extension\""), printed);
        assertTrue(printed.contains("Caller:    presses 1 0 1"), printed);
        assertTrue(printed.contains("Caller:    says \"I'd like to talk to sales\""), printed);
        assertTrue(printed.contains("-> completed, talked 42 s"), printed);
        assertTrue(printed.contains("0 failures"), printed);
        assertEquals("I'd like to talk to sales", server.only("/speech").parameter("SpeechResult"));
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("--token"));
    }

    @Test
    void failuresGiveExitStatusOne() {
        int status = run(ENV, "--url", server.baseUrl().toString(), "--from", "+14155550100", "--to", "+14155550199",
                "--signing", "wrong-token");

        assertEquals(1, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("FAILURE:"));
    }

    @Test
    void aTokenFlagWorksButIsDiscouraged() {
        int status = run(Map.of(), "--url", server.baseUrl().toString(), "--account", ACCOUNT, "--token", TOKEN,
                "--from", "+14155550100", "--to", "+14155550199", "--status-callback", "none");

        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("prefer TWILIO_AUTH_TOKEN"));
        assertEquals(0, server.received("/twilio/voice/status").size());
    }

    @Test
    void usageErrorsGiveExitStatusTwo() {
        assertEquals(2, run(ENV, "--from", "+14155550100", "--to", "+14155550199"));
        assertEquals(2, run(ENV, "--url", "http://127.0.0.1:1", "--from", "+1", "--to", "+2", "--bogus", "x"));
        assertEquals(2, run(Map.of("TWILIO_ACCOUNT_SID", ACCOUNT), "--url", "http://127.0.0.1:1", "--from", "+1", "--to", "+2"));
        assertEquals(2, run(ENV, "--url", "http://127.0.0.1:1", "--from", "+1", "--to", "+2", "--dial", "maybe"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("TWILIO_AUTH_TOKEN"));
        assertEquals(0, server.received().size());
    }

    @Test
    void helpPrintsTheUsage() {
        assertEquals(0, run(ENV, "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("TWILIO_AUTH_TOKEN"));
    }
}
