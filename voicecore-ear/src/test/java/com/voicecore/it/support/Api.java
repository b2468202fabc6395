package com.voicecore.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A client of the running server over HTTP, as an integrator would be. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    public static int offset() {
        return Integer.parseInt(System.getProperty("voicecore.test.port.offset", "100"));
    }

    public static String url(String path) {
        return "http://127.0.0.1:" + (8080 + offset()) + path;
    }

    public static String managementUrl(String path) {
        return "http://127.0.0.1:" + (9990 + offset()) + path;
    }

    public static Reply get(String path, String key) {
        return send("GET", path, key, null, "application/json");
    }

    public static Reply post(String path, String key, String json) {
        return send("POST", path, key, json, "application/json");
    }

    public static Reply put(String path, String key, String json) {
        return send("PUT", path, key, json, "application/json");
    }

    public static Reply delete(String path, String key) {
        return send("DELETE", path, key, null, "application/json");
    }

    public static Reply send(String method, String path, String key, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("WWW-Authenticate").orElse(null), response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON string literal, escaped. */
    public static String str(String value) {
        return value == null ? "null" : Json.createValue(value).toString();
    }

    public record Reply(int status, String contentType, String location, String wwwAuthenticate, String body,
                        java.net.http.HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonObject object() {
            return parse().asJsonObject();
        }

        public JsonArray array() {
            return parse().asJsonArray();
        }

        private JsonValue parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readValue();
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        /** The fields a problem response names. */
        public java.util.List<String> problemFields() {
            JsonObject problem = object();
            if (!problem.containsKey("errors") || problem.isNull("errors")) {
                return java.util.List.of();
            }
            return problem.getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
