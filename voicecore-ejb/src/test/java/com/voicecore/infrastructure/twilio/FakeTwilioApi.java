package com.voicecore.infrastructure.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.voicecore.testsupport.LoopbackHttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake of the slice of Twilio's REST API that VoiceCore uses, on a loopback port: the Calls resource
 * of API version 2010-04-01, answering as Twilio does (paths, form parameters, HTTP Basic auth with
 * account SID and auth token, JSON bodies in Twilio's field names, Twilio's error body
 * {@code {"code", "message", "more_info", "status"}}).
 * <ul>
 *   <li>{@code POST /2010-04-01/Accounts/{AccountSid}/Calls.json} (To, From, Url or Twiml, CallToken,
 *   StatusCallback, StatusCallbackEvent, Method, ...): places a call, 201 with the call; a From the account
 *   does not own is refused (21210) unless a CallToken comes with it, as Twilio does.</li>
 *   <li>{@code POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json} (Url, Method, Twiml, Status):
 *   redirects or ends a call, 200 with the call; 404 (20404) for an unknown call, 400 (21220) for a call
 *   that has ended.</li>
 *   <li>{@code GET} of the same address: fetches the call.</li>
 *   <li>Wrong or missing credentials: 401 (20003 "Authenticate").</li>
 * </ul>
 * <p>Beside Twilio's paths, a control path for a call simulator in another process (the run command's
 * demo): {@code POST /simulator/calls/{CallSid}} (form: AccountSid, From, To) makes its call live,
 * {@code GET} of it answers {@code {"url": "…"}} with where the call was last redirected (or null), and
 * {@code DELETE} ends it. Not part of Twilio's API; nothing in the application calls it.
 * <p>Tests can script the next answers ({@link #failNext}, {@link #delayNext}, {@link #dropNext}), read every
 * request received ({@link #requests()}) and the calls' state ({@link #call}). Point the application at
 * it with {@code voicecore.twilio.api-base-url=}{@link #baseUrl()}. Not the real thing: no pricing,
 * queues or conferences, nothing is ever posted to a StatusCallback, and validation is limited to what is
 * documented above.
 */
public final class FakeTwilioApi implements AutoCloseable {

    private static final Pattern CALLS = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Calls\\.json");
    private static final Pattern CALL = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Calls/([^/]+)\\.json");
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One request as received, with the status it was answered with. */
    public record Recorded(String method, String path, Optional<String> authenticatedAccount,
                           Map<String, List<String>> form, int status) {

        /** The first value of a form parameter, or null. */
        public String param(String name) {
            List<String> values = form.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public List<String> params(String name) {
            return form.getOrDefault(name, List.of());
        }
    }

    /** A call as the fake knows it (a snapshot; a change makes a new one). */
    public record FakeCall(String sid, String accountSid, String from, String to, String direction, String status,
                           String url, String callToken, String statusCallback, List<String> statusCallbackEvents,
                           ZonedDateTime created) {

        FakeCall with(String newStatus, String newUrl) {
            return new FakeCall(sid, accountSid, from, to, direction, newStatus, newUrl, callToken, statusCallback,
                    statusCallbackEvents, created);
        }

        boolean ended() {
            return Set.of("completed", "canceled", "failed", "busy", "no-answer").contains(status);
        }
    }

    private record Account(String token, Set<String> ownedNumbers) {
    }

    /** A scripted answer: a status with Twilio's error body, a delay before the normal answer, or no answer. */
    private record Fault(int status, Duration delay, boolean drop) {
    }

    private final LoopbackHttpServer http;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, FakeCall> calls = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();

    private FakeTwilioApi(LoopbackHttpServer http) {
        this.http = http;
    }

    /** Starts on 127.0.0.1 at a free port. */
    public static FakeTwilioApi start() {
        LoopbackHttpServer http = LoopbackHttpServer.bind("fake-twilio-api");
        FakeTwilioApi api = new FakeTwilioApi(http);
        http.serve("/", api::handle);
        return api;
    }

    /** What {@code https://api.twilio.com} is replaced with, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        return URI.create("http://" + http.address().getHostString() + ":" + http.address().getPort());
    }

    /** Accepts these credentials; the account owns the given numbers (a From it may use without CallToken). */
    public FakeTwilioApi account(String accountSid, String authToken, String... ownedNumbers) {
        accounts.put(accountSid, new Account(authToken, Set.of(ownedNumbers)));
        return this;
    }

    /** An inbound call in progress (one to redirect, forward or hang up); it carries a CallToken. */
    public FakeCall liveCall(String accountSid, String from, String to) {
        FakeCall call = new FakeCall(newSid("CA"), accountSid, from, to, "inbound", "in-progress", null,
                "CT" + HexFormat.of().formatHex(randomBytes(16)), null, List.of(), now());
        calls.put(call.sid(), call);
        return call;
    }

    /** A live inbound call under a SID chosen elsewhere (the call simulator's), so it can be redirected. */
    public FakeCall liveCall(String callSid, String accountSid, String from, String to) {
        FakeCall call = new FakeCall(callSid, accountSid, from, to, "inbound", "in-progress", null,
                "CT" + HexFormat.of().formatHex(randomBytes(16)), null, List.of(), now());
        calls.put(call.sid(), call);
        return call;
    }

    /** The call ended on the caller's side. */
    public void callEnded(String callSid) {
        calls.computeIfPresent(callSid, (sid, call) -> call.with("completed", call.url()));
    }

    public Optional<FakeCall> call(String callSid) {
        return Optional.ofNullable(calls.get(callSid));
    }

    /** Every request received, in order. */
    public List<Recorded> requests() {
        return Collections.unmodifiableList(requests);
    }

    public Recorded lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("No request has reached the fake Twilio API");
        }
        return requests.get(requests.size() - 1);
    }

    /** The next {@code times} requests are answered with {@code status} and Twilio's error body. */
    public synchronized FakeTwilioApi failNext(int times, int status) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(status, Duration.ZERO, false));
        }
        return this;
    }

    /** The next {@code times} requests are answered normally, after {@code delay}. */
    public synchronized FakeTwilioApi delayNext(int times, Duration delay) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(0, delay, false));
        }
        return this;
    }

    /** The next {@code times} requests get no answer at all: the connection is closed. */
    public synchronized FakeTwilioApi dropNext(int times) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(0, Duration.ZERO, true));
        }
        return this;
    }

    /** Forgets requests, calls and scripted answers (accounts stay). */
    public synchronized void reset() {
        faults.clear();
        requests.clear();
        calls.clear();
    }

    @Override
    public void close() {
        http.close();
    }

    // ---------------------------------------------------------------- serving

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, List<String>> form = parseForm(readBody(exchange.getRequestBody()));
            Optional<String> account = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));

            if (path.startsWith(SIMULATOR_PATH)) {
                send(exchange, simulatorControl(method, path.substring(SIMULATOR_PATH.length()), form));
                return;
            }
            Fault fault = nextFault();
            if (fault != null && fault.drop()) {
                requests.add(new Recorded(method, path, account, form, 0));
                return; // closed without a status line
            }
            if (fault != null && !fault.delay().isZero()) {
                try {
                    Thread.sleep(fault.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Answer answer = fault != null && fault.status() > 0 ? error(fault.status(), 20000 + fault.status(),
                    fault.status() >= 500 ? "Twilio is having trouble (scripted by the test)" : "Scripted refusal")
                    : route(method, path, form, account);
            requests.add(new Recorded(method, path, account, form, answer.status()));
            send(exchange, answer);
        }
    }

    private static final String SIMULATOR_PATH = "/simulator/calls/";

    private Answer simulatorControl(String method, String callSid, Map<String, List<String>> form) {
        if (!callSid.matches("CA[0-9a-f]{32}")) {
            return error(404, 20404, "Not a call SID: " + callSid);
        }
        switch (method) {
            case "POST" -> {
                String account = first(form, "AccountSid");
                if (account == null || !accounts.containsKey(account)) {
                    return error(401, 20003, "Authenticate");
                }
                liveCall(callSid, account, first(form, "From"), first(form, "To"));
                return new Answer(201, Map.of("sid", callSid));
            }
            case "GET" -> {
                FakeCall call = calls.get(callSid);
                if (call == null) {
                    return error(404, 20404, "No such call: " + callSid);
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("url", call.url());
                return new Answer(200, body);
            }
            case "DELETE" -> {
                callEnded(callSid);
                return new Answer(200, Map.of("sid", callSid));
            }
            default -> {
                return error(405, 20004, "Method not allowed");
            }
        }
    }

    private synchronized Fault nextFault() {
        return faults.poll();
    }

    private record Answer(int status, Map<String, Object> body) {
    }

    private Answer route(String method, String path, Map<String, List<String>> form, Optional<String> account) {
        Matcher callsPath = CALLS.matcher(path);
        Matcher callPath = CALL.matcher(path);
        String pathAccount = callsPath.matches() ? callsPath.group(1) : callPath.matches() ? callPath.group(1) : null;
        if (pathAccount == null) {
            return error(404, 20404, "The requested resource " + path + " was not found");
        }
        if (account.isEmpty() || !account.get().equals(pathAccount)) {
            return error(401, 20003, "Authenticate");
        }
        if (callsPath.matches() && method.equals("POST")) {
            return create(pathAccount, form);
        }
        if (callPath.matches()) {
            FakeCall call = calls.get(callPath.group(2));
            if (call == null || !call.accountSid().equals(pathAccount)) {
                return error(404, 20404, "The requested resource " + path + " was not found");
            }
            if (method.equals("GET")) {
                return new Answer(200, json(call));
            }
            if (method.equals("POST")) {
                return update(call, form);
            }
        }
        return error(405, 20004, "Method not allowed");
    }

    private Answer create(String accountSid, Map<String, List<String>> form) {
        String to = first(form, "To");
        String from = first(form, "From");
        String url = first(form, "Url");
        if (to == null) {
            return error(400, 21201, "No 'To' number is specified");
        }
        if (from == null) {
            return error(400, 21213, "No 'From' number is specified");
        }
        if (url == null && first(form, "Twiml") == null && first(form, "ApplicationSid") == null) {
            return error(400, 21205, "Url parameter is required");
        }
        String callToken = first(form, "CallToken");
        if (!accounts.get(accountSid).ownedNumbers().contains(from) && callToken == null) {
            return error(400, 21210, "The source phone number provided, " + from + ", is not yet verified for your"
                    + " account. You may only make calls from phone numbers that you've verified or purchased from Twilio.");
        }
        FakeCall call = new FakeCall(newSid("CA"), accountSid, from, to, "outbound-api", "queued", url, callToken,
                first(form, "StatusCallback"), form.getOrDefault("StatusCallbackEvent", List.of()), now());
        calls.put(call.sid(), call);
        return new Answer(201, json(call));
    }

    private Answer update(FakeCall call, Map<String, List<String>> form) {
        String status = first(form, "Status");
        String url = first(form, "Url");
        if (call.ended()) {
            return error(400, 21220, "Call is not in-progress. Cannot redirect.");
        }
        FakeCall updated = call;
        if (url != null || first(form, "Twiml") != null) {
            updated = updated.with(updated.status(), url != null ? url : "(inline TwiML)");
        }
        if ("completed".equals(status)) {
            updated = updated.with("completed", updated.url());
        } else if ("canceled".equals(status) && Set.of("queued", "ringing").contains(updated.status())) {
            updated = updated.with("canceled", updated.url());
        } else if (status != null && !"canceled".equals(status)) {
            return error(400, 21218, "Invalid value for Status: " + status);
        }
        calls.put(updated.sid(), updated);
        return new Answer(200, json(updated));
    }

    /** The Call resource as Twilio renders it (the fields a client reads; nulls where a fake has nothing). */
    private static Map<String, Object> json(FakeCall c) {
        String uri = "/2010-04-01/Accounts/" + c.accountSid() + "/Calls/" + c.sid();
        Map<String, Object> subresources = new LinkedHashMap<>();
        for (String sub : List.of("notifications", "recordings", "payments", "events", "siprec", "streams",
                "user_defined_message_subscriptions", "user_defined_messages")) {
            subresources.put(sub, uri + "/" + snakeToCamel(sub) + ".json");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account_sid", c.accountSid());
        m.put("annotation", null);
        m.put("answered_by", null);
        m.put("api_version", "2010-04-01");
        m.put("caller_name", null);
        m.put("date_created", RFC_2822.format(c.created()));
        m.put("date_updated", RFC_2822.format(now()));
        m.put("direction", c.direction());
        m.put("duration", null);
        m.put("end_time", null);
        m.put("forwarded_from", null);
        m.put("from", c.from());
        m.put("from_formatted", c.from());
        m.put("group_sid", null);
        m.put("parent_call_sid", null);
        m.put("phone_number_sid", null);
        m.put("price", null);
        m.put("price_unit", "USD");
        m.put("queue_time", "0");
        m.put("sid", c.sid());
        m.put("start_time", null);
        m.put("status", c.status());
        m.put("subresource_uris", subresources);
        m.put("to", c.to());
        m.put("to_formatted", c.to());
        m.put("trunk_sid", null);
        m.put("uri", uri + ".json");
        return m;
    }

    private static Answer error(int status, int code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("message", message);
        m.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        m.put("status", status);
        return new Answer(status, m);
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(answer.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (answer.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Twilio API\"");
        }
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Optional<String> authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String sid = decoded.substring(0, colon);
        Account account = accounts.get(sid);
        return account != null && account.token().equals(decoded.substring(colon + 1)) ? Optional.of(sid) : Optional.empty();
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        form.replaceAll((k, v) -> List.copyOf(v));
        return form;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String newSid(String prefix) {
        return prefix + HexFormat.of().formatHex(randomBytes(16));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
    }

    private static String snakeToCamel(String s) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char ch : s.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }
}
