package com.voicecore.application.voice;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

/** The hot-message reader: what it finds, what it refuses, and that it agrees with JSON-P. */
class FrameScannerTest {

    private static final String[][] TWILIO = {{"event"}, {"media", "payload"}, {"mark", "name"}};
    private static final String[][] OPENAI = {{"type"}, {"item_id"}, {"delta"}};

    private static String audio(int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) (i * 31);
        }
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void findsTheFieldsOfATwilioMediaFrameInPlace() {
        String payload = audio(160);
        String json = "{\"event\":\"media\",\"sequenceNumber\":\"4\",\"streamSid\":\"MZ1\",\"media\":{\"track\":\"inbound\","
                + "\"chunk\":\"2\",\"timestamp\":\"20\",\"payload\":\"" + payload + "\"}}";
        FrameScanner s = FrameScanner.of(TWILIO);
        assertTrue(s.scan(json));
        assertTrue(s.is(0, "media"));
        assertFalse(s.is(0, "mark"));
        assertTrue(s.isRaw(1));
        assertTrue(s.isBase64(1));
        assertEquals(payload, json.substring(s.start(1), s.end(1)));
        assertFalse(s.has(2));
    }

    @Test
    void keyOrderWhitespaceNestingAndUnknownMembersDoNotMatter() {
        String json = " {\n \"streamSid\" : \"MZ1\" , \"extra\": [1, -2.5e+3, true, false, null, {\"payload\": \"x\"}, [[]]],"
                + " \"mark\" : { \"other\": {\"name\": \"deep\"}, \"name\" : \"3.17\" } ,\"event\":\"mark\" }\t";
        FrameScanner s = FrameScanner.of(TWILIO);
        assertTrue(s.scan(json));
        assertTrue(s.is(0, "mark"));
        assertEquals("3.17", s.string(2), "the mark's own name, not a deeper one");
        assertFalse(s.has(1), "a payload inside an array is not media.payload");
    }

    @Test
    void aNameOutsideItsObjectIsNotTheField() {
        FrameScanner s = FrameScanner.of(TWILIO);
        assertTrue(s.scan("{\"event\":\"media\",\"payload\":\"AAAA\",\"mark\":\"x\",\"media\":{\"mark\":{\"name\":\"n\"}}}"));
        assertFalse(s.has(1), "payload at the top level");
        assertFalse(s.has(2), "mark.name under media");
    }

    @Test
    void escapedStringsAreDecodedAndNeverPassAsAudio() {
        FrameScanner s = FrameScanner.of(OPENAI);
        assertTrue(s.scan("{\"type\":\"response.output_audio.delta\",\"item_id\":\"it\\\"em\\u00e9\\n\",\"delta\":\"AA\\/A\"}"));
        assertTrue(s.is(0, "response.output_audio.delta"));
        assertEquals("it\"emé\n", s.string(1));
        assertTrue(s.is(1, "it\"emé\n"));
        assertEquals("AA/A", s.string(2));
        assertFalse(s.isRaw(2));
        assertFalse(s.isBase64(2), "an escape in audio: it would not be copied as it came");
        // an escaped key is not the key
        assertTrue(s.scan("{\"typ\\u0065\":\"x\"}"));
        assertFalse(s.has(0));
    }

    @Test
    void onlyPaddedBase64IsAudio() {
        FrameScanner s = FrameScanner.of(OPENAI);
        for (String ok : List.of("", "AAAA", "AAA=", "AA==", audio(160), audio(161), audio(4000))) {
            assertTrue(s.scan("{\"type\":\"t\",\"delta\":\"" + ok + "\"}"), ok);
            assertTrue(s.isBase64(2), ok);
        }
        for (String bad : List.of("AAA", "A===", "AA=A", "AA A", "AA-_", "AAAA\\\"}", "=AAA", "AAAA,\"type\":\"x")) {
            boolean scanned = s.scan("{\"type\":\"t\",\"delta\":\"" + bad + "\"}");
            assertFalse(scanned && s.isBase64(2), bad);
        }
    }

    @Test
    void malformedInputIsRefusedAndLeavesNoField() {
        FrameScanner s = FrameScanner.of(TWILIO);
        assertTrue(s.scan("{\"event\":\"media\"}"));
        List<String> bad = List.of("", " ", "null", "[]", "\"event\"", "{", "}", "{\"event\":\"media\"", "{\"event\":\"media\"}}",
                "{\"event\":\"media\"} x", "{\"event\" \"media\"}", "{\"event\":}", "{event:\"media\"}", "{'event':'media'}",
                "{\"event\":\"media\",}", "{,\"event\":\"media\"}", "{\"a\":[1,]}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}",
                "{\"a\":1e}", "{\"a\":-}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12G4\"}",
                "{\"a\":\"line\nbreak\"}", "{\"a\":\"unterminated}", "{\"event\":\"media\"}\u0000", "{\"a\":NaN}");
        for (String json : bad) {
            assertFalse(s.scan(json), json);
            assertFalse(s.has(0), "nothing found in refused input: " + json);
        }
        assertFalse(s.scan(null));
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStackAndOversizedMessagesAreRead() {
        FrameScanner s = FrameScanner.of(TWILIO);
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertFalse(s.scan(deep));
        String nested = "{\"a\":" + "{\"b\":".repeat(FrameScanner.MAX_DEPTH - 1) + "1" + "}".repeat(FrameScanner.MAX_DEPTH - 1) + "}";
        assertTrue(s.scan(nested), "as deep as allowed");
        String big = "{\"event\":\"media\",\"media\":{\"payload\":\"" + audio(3_000_000) + "\"},\"pad\":\"" + "x".repeat(1_000_000) + "\"}";
        assertTrue(s.scan(big));
        assertTrue(s.isBase64(1));
        assertEquals(4_000_000, s.end(1) - s.start(1));
    }

    @Test
    void agreesWithJsonPOnGeneratedMessages() {
        // messages with the wanted fields, other members of every kind, escapes and whitespace, in any order;
        // then the same text damaged at a random place: the scanner accepts exactly what JSON-P accepts as an object
        qt().withExamples(500).forAll(strings().allPossible().ofLengthBetween(0, 12), integers().between(0, 5),
                integers().between(0, 1000), integers().between(0, 40)).checkAssert((text, order, damageAt, damage) -> {
            JsonObject built = Json.createObjectBuilder()
                    .add("z" + order, Json.createArrayBuilder().add(order).add(text).add(JsonValue.NULL).add(-0.5e-3))
                    .add("type", order % 2 == 0 ? "response.output_audio.delta" : text)
                    .add("item_id", text)
                    .add(order % 3 == 0 ? "delta" : "other", audio(order * 7))
                    .add("nested", Json.createObjectBuilder().add("delta", "not this one").add("t", true))
                    .build();
            String json = built.toString();
            FrameScanner s = FrameScanner.of(OPENAI);
            assertTrue(s.scan(json), json);
            assertEquals(built.getString("type"), s.string(0));
            assertEquals(text, s.string(1));
            assertTrue(s.is(1, text));
            if (order % 3 == 0) {
                assertEquals(audio(order * 7), s.string(2));
                assertTrue(s.isBase64(2));
            } else {
                assertNull(s.string(2));
            }
            String damaged = damage(json, damageAt, damage);
            assertEquals(isJsonObject(damaged), s.scan(damaged), damaged);
        });
    }

    private static String damage(String json, int at, int how) {
        int i = at % (json.length() + 1);
        String junk = List.of("", "\"", "{", "}", "[", "]", ",", ":", "\\", "x", "1", " ", "\u0001", "-", ".", "e", "nul", "\\u").get(how % 18);
        return how < 18 ? json.substring(0, i) + junk + json.substring(i) : json.substring(0, i) + json.substring(Math.min(json.length(), i + 1));
    }

    /** JSON-P's verdict: one object and nothing after it (its reader alone lets trailing text pass). */
    private static boolean isJsonObject(String text) {
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return false;
            }
            parser.getObject();
            return !parser.hasNext();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
