package com.voicecore.simulator;

import com.twilio.security.RequestValidator;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwilioSignatureTest {

    @Test
    void matchesTheDocumentedTestVector() {
        Map<String, String> params = new LinkedHashMap<>();
        // deliberately not in sorted order: the signer sorts
        params.put("To", "+18005551212");
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("From", "+14158675309");
        params.put("Digits", "1234");
        params.put("Caller", "+14158675309");

        String signature = new TwilioSignature("12345").sign("https://mycompany.com/myapp.php?foo=1&bar=2", params);

        assertEquals("RSOYDt4T1cUTdK1PDd93/VVr8B8=", signature);
        assertTrue(new RequestValidator("12345").validate("https://mycompany.com/myapp.php?foo=1&bar=2", params, signature));
    }

    @Test
    void agreesWithTwilioJavaOnVariedInput() {
        Random random = new Random(42);
        String[] values = {"", "+14155550100", "I'd like to talk to sales", "ünïcødé ✓", "a&b=c d+e", "0.92", "%20"};
        for (int run = 0; run < 200; run++) {
            String token = Long.toHexString(random.nextLong());
            Map<String, String> params = new LinkedHashMap<>();
            int count = random.nextInt(8);
            for (int i = 0; i < count; i++) {
                params.put("P" + random.nextInt(20) + (random.nextBoolean() ? "a" : "B"), values[random.nextInt(values.length)]);
            }
            String url = "http://127.0.0.1:" + (1024 + random.nextInt(60000)) + "/twilio/voice/x" + run
                    + (random.nextBoolean() ? "?q=" + run : "");
            String signature = new TwilioSignature(token).sign(url, params);

            assertTrue(new RequestValidator(token).validate(url, params, signature), () -> url + " " + params);
            assertFalse(new RequestValidator(token + "x").validate(url, params, signature));
        }
    }

    @Test
    void theSignedTextIsTheUrlThenSortedNamesAndValues() {
        assertEquals("https://a.example/p?x=1Ab1Bc2",
                TwilioSignature.signedData("https://a.example/p?x=1", Map.of("Bc", "2", "Ab", "1")));
    }
}
