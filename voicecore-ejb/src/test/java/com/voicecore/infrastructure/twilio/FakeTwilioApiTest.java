package com.voicecore.infrastructure.twilio;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake itself, spoken to over plain HTTP: what it enforces that the adapter tests do not reach. */
class FakeTwilioApiTest {

    private static final String SID = "AC" + "11112222333344445555666677778888";
    private static final String TOKEN = "secret-token";
    private final FakeTwilioApi twilio = FakeTwilioApi.start().account(SID, TOKEN, "+14155550100");
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        twilio.close();
    }

    private HttpResponse<String> post(String path, String form, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(twilio.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (token != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((SID + ":" + token).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFromTheAccountDoesNotOwnNeedsACallToken() throws Exception {
        String calls = "/2010-04-01/Accounts/" + SID + "/Calls.json";
        HttpResponse<String> refused = post(calls, "To=%2B4915112345678&From=%2B14155550123&Url=https%3A%2F%2Fx", TOKEN);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("\"code\":21210"), refused.body());

        HttpResponse<String> withToken = post(calls,
                "To=%2B4915112345678&From=%2B14155550123&Url=https%3A%2F%2Fx&CallToken=CT1", TOKEN);
        assertEquals(201, withToken.statusCode());
        assertTrue(withToken.body().contains("\"status\":\"queued\"") && withToken.body().contains("\"direction\":\"outbound-api\""),
                withToken.body());

        HttpResponse<String> owned = post(calls, "To=%2B4915112345678&From=%2B14155550100&Url=https%3A%2F%2Fx", TOKEN);
        assertEquals(201, owned.statusCode());
    }

    @Test
    void withoutCredentialsTwilioAsksToAuthenticate() throws Exception {
        HttpResponse<String> r = post("/2010-04-01/Accounts/" + SID + "/Calls.json", "To=%2B1", null);
        assertEquals(401, r.statusCode());
        assertEquals("{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":\"https://www.twilio.com/docs/errors/20003\","
                + "\"status\":401}", r.body());
        assertTrue(r.headers().firstValue("WWW-Authenticate").isPresent());
    }

    @Test
    void aCallCanBeFetched() throws Exception {
        FakeTwilioApi.FakeCall call = twilio.liveCall(SID, "+14155550123", "+14155550100");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(twilio.baseUrl() + "/2010-04-01/Accounts/"
                        + SID + "/Calls/" + call.sid() + ".json"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"sid\":\"" + call.sid() + "\"") && r.body().contains("\"status\":\"in-progress\""), r.body());
    }
}
