package com.voicecore.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.security.RequestValidator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A stand-in for VoiceCore's Twilio endpoints in the simulator's own tests: serves canned TwiML by path on
 * loopback and checks every request's signature with twilio-java's {@link RequestValidator}, as a real server
 * must; an invalid or missing signature gets 403. {@code /twilio/voice/status} answers 204 unless replaced.
 */
final class FakeTwimlServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Received(String method, String path, String url, Map<String, String> parameters, Map<String, String> query,
                    String signature, boolean signatureValid, String idempotencyToken) {
        String parameter(String name) {
            return parameters.get(name);
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    static {
        // The JDK server otherwise leaves Nagle on: ~40 ms per small exchange against the client's delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final RequestValidator validator;
    private final Map<String, Function<Received, Answer>> routes = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    FakeTwimlServer(String authToken) throws IOException {
        validator = new RequestValidator(authToken);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        answer("/twilio/voice/status", 204, "text/plain", "");
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    URI url(String path) {
        return URI.create(baseUrl() + path);
    }

    /** Serves this TwiML at the path (query string ignored when matching). */
    FakeTwimlServer twiml(String path, String twiml) {
        return answer(path, 200, "text/xml", twiml);
    }

    /** TwiML computed from the request, e.g. to echo a parameter back. */
    FakeTwimlServer twiml(String path, Function<Received, String> twiml) {
        routes.put(path, request -> new Answer(200, "text/xml", twiml.apply(request)));
        return this;
    }

    FakeTwimlServer answer(String path, int status, String contentType, String body) {
        routes.put(path, request -> new Answer(status, contentType, body));
        return this;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<Received> received(String path) {
        return received().stream().filter(r -> r.path().equals(path)).collect(Collectors.toList());
    }

    Received only(String path) {
        List<Received> matching = received(path);
        if (matching.size() != 1) {
            throw new AssertionError("expected one request to " + path + ", got " + matching.size() + ": " + received());
        }
        return matching.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI requestUri = exchange.getRequestURI();
            String url = baseUrl() + requestUri.toString();
            Map<String, String> query = decode(requestUri.getRawQuery());
            Map<String, String> form;
            try (InputStream body = exchange.getRequestBody()) {
                form = "POST".equals(exchange.getRequestMethod())
                        ? decode(new String(body.readAllBytes(), StandardCharsets.UTF_8)) : Map.of();
            }
            String signature = exchange.getRequestHeaders().getFirst("X-Twilio-Signature");
            // As a webhook endpoint checks it: the full URL requested, and the form parameters of a POST.
            boolean valid = signature != null && validator.validate(url, form, signature);
            Map<String, String> parameters = new LinkedHashMap<>(query);
            parameters.putAll(form);
            Received request = new Received(exchange.getRequestMethod(), requestUri.getPath(), url, parameters, query,
                    signature, valid, exchange.getRequestHeaders().getFirst("I-Twilio-Idempotency-Token"));
            received.add(request);

            Answer answer;
            Function<Received, Answer> route = routes.get(requestUri.getPath());
            if (!valid) {
                answer = new Answer(403, "text/plain", "bad signature");
            } else if (route == null) {
                answer = new Answer(404, "text/plain", "no route");
            } else {
                answer = route.apply(request);
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return parameters;
        }
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
