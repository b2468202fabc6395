package com.voicecore.simulator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Live control through a stand-in Twilio REST API in another process (the one the run command starts):
 * the call is registered there, so when VoiceCore moves it (an agent accepted it) the simulator learns
 * where to go next, as a real Twilio call would follow the redirect.
 */
final class RemoteLiveControl implements CallSimulator.LiveControl {

    private final URI api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final java.util.Map<String, String> lastUrl = new java.util.concurrent.ConcurrentHashMap<>();

    RemoteLiveControl(URI api) {
        this.api = api;
    }

    @Override
    public void started(String callSid, String accountSid, String from, String to) {
        String form = "AccountSid=" + enc(accountSid) + "&From=" + enc(from) + "&To=" + enc(to);
        HttpResponse<String> r = send(HttpRequest.newBuilder(control(callSid))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (r == null || r.statusCode() != 201) {
            throw new IllegalStateException("The Twilio stand-in at " + api + " did not take the call: "
                    + (r == null ? "unreachable" : r.statusCode() + " " + r.body()));
        }
    }

    @Override
    public Optional<URI> movedTo(String callSid) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(control(callSid)).GET());
        if (r == null || r.statusCode() != 200) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            JsonObject o = reader.readObject();
            String url = o.isNull("url") ? null : o.getString("url", null);
            if (url == null || !url.startsWith("http") || url.equals(lastUrl.get(callSid))) {
                return Optional.empty();
            }
            lastUrl.put(callSid, url);
            return Optional.of(URI.create(url));
        }
    }

    @Override
    public void ended(String callSid) {
        send(HttpRequest.newBuilder(control(callSid)).DELETE());
    }

    private URI control(String callSid) {
        return api.resolve("/simulator/calls/" + callSid);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
