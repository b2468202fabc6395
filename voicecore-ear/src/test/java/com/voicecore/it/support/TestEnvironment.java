package com.voicecore.it.support;

import com.voicecore.testsupport.EmbeddedDatabase;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Starts PostgreSQL once per test run, on the client side (a JUnit extension would also run inside the
 * container under Arquillian), before Arquillian reads arquillian.xml: the server gets the database
 * and keys through the system properties set here.
 */
public class TestEnvironment implements LauncherSessionListener {

    private static EmbeddedDatabase database;
    private static com.voicecore.infrastructure.twilio.FakeTwilioApi twilioApi;
    private static String platformKey;
    private static com.voicecore.realtime.fake.FakeOpenAiRealtime openAi;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (database != null || System.getProperty("voicecore.test.db.port") == null) {
            return; // not under failsafe (e.g. an IDE running a unit test): nothing to start
        }
        int port = Integer.parseInt(System.getProperty("voicecore.test.db.port"));
        database = EmbeddedDatabase.start(Path.of(System.getProperty("voicecore.work.dir", "target/voicecore-work"),
                "it-postgres"), port, false);
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        platformKey = "vcp_" + HexFormat.of().formatHex(key);
        System.setProperty("voicecore.test.db.url", database.jdbcUrl());
        System.setProperty("voicecore.test.db.owner.password", database.ownerPassword());
        System.setProperty("voicecore.test.db.app.password", database.appPassword());
        System.setProperty("voicecore.test.platform.key", platformKey);
        byte[] secretsKey = new byte[32];
        new SecureRandom().nextBytes(secretsKey);
        System.setProperty("voicecore.test.secrets.key", java.util.Base64.getEncoder().encodeToString(secretsKey));
        // Twilio's REST API, faked on loopback in this JVM; the server is told to call it instead
        twilioApi = com.voicecore.infrastructure.twilio.FakeTwilioApi.start();
        System.setProperty("voicecore.test.twilio.api", twilioApi.baseUrl().toString());
        // OpenAI Realtime, faked on loopback in this JVM (voicecore.openai.realtime-url)
        openAi = com.voicecore.realtime.fake.FakeOpenAiRealtime.start();
        System.setProperty("voicecore.test.openai.url", openAi.url().toString());
        System.setProperty("voicecore.test.public.url", "http://127.0.0.1:"
                + (8080 + Integer.parseInt(System.getProperty("voicecore.test.port.offset", "100"))));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            database.close();
            database = null;
        }
        if (twilioApi != null) {
            twilioApi.close();
            twilioApi = null;
        }
        if (openAi != null) {
            openAi.close();
            openAi = null;
        }
    }

    public static com.voicecore.realtime.fake.FakeOpenAiRealtime openAi() {
        if (openAi == null) {
            throw new IllegalStateException("The fake OpenAI Realtime server runs only under failsafe (mvn verify)");
        }
        return openAi;
    }

    public static EmbeddedDatabase database() {
        if (database == null) {
            throw new IllegalStateException("The test database runs only under failsafe (mvn verify)");
        }
        return database;
    }

    public static com.voicecore.infrastructure.twilio.FakeTwilioApi twilioApi() {
        if (twilioApi == null) {
            throw new IllegalStateException("The fake Twilio API runs only under failsafe (mvn verify)");
        }
        return twilioApi;
    }

    public static String platformKey() {
        return platformKey;
    }
}
