package com.voicecore.oidc.fake;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.voicecore.testsupport.LoopbackHttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fake OpenID Provider on a loopback port that speaks the protocol a relying party sees from Keycloak or
 * Entra ID (OpenID Connect Core 1.0, Discovery 1.0, RP-Initiated Logout 1.0), for the authorization code flow:
 * <ul>
 *   <li>{@code GET /.well-known/openid-configuration} under the issuer (which has a path, as Keycloak's realms do);</li>
 *   <li>{@code GET /authorize}: checks response_type {@code code}, the client and its exactly registered redirect_uri
 *   (a mismatch is an error page at the provider, never a redirect) and the {@code openid} scope; shows a sign-in
 *   form, or, with the provider's own session cookie, answers at once (single sign-on). {@code POST /authorize}
 *   checks the password and redirects to redirect_uri with a single-use code and the state;</li>
 *   <li>{@code POST /token}: grant_type {@code authorization_code}, client authentication by
 *   {@code client_secret_post} or {@code client_secret_basic} (else 401 {@code invalid_client}); the code must be
 *   unused, unexpired (60 s), for that client and that redirect_uri (else 400 {@code invalid_grant}); answers an
 *   opaque access token and an RS256 ID token (iss, sub, aud, azp, exp, iat, auth_time, nonce, at_hash, email,
 *   email_verified, name, and any extra claims the user has);</li>
 *   <li>{@code GET /userinfo} with the access token as Bearer; {@code GET /jwks}; {@code GET /logout} ends the
 *   provider's session and returns to a registered post_logout_redirect_uri.</li>
 * </ul>
 * A test can make the next ID token wrong in one way ({@link #misbehaveOnce}) and read what the relying party
 * asked ({@link #authorizationRequests()}, {@link #tokenRequests()}, {@link #logouts()}). Not the real thing: no
 * consent screen, PKCE, refresh tokens, implicit or hybrid flows, or key rotation.
 */
public final class FakeOpenIdProvider implements AutoCloseable {

    /** One way an ID token can be wrong. */
    public enum Fault {
        /** issued to another client (aud and azp name it) */
        WRONG_AUDIENCE,
        /** a nonce other than the one the request carried */
        WRONG_NONCE,
        /** signed with a key that is not the one the JWKS publishes (same kid) */
        BAD_SIGNATURE,
        /** expired ten minutes ago */
        EXPIRED,
        /** {@code alg: none}, no signature at all (and no at_hash) */
        UNSIGNED,
        /** from another issuer */
        WRONG_ISSUER
    }

    public record Client(String id, String secret, Set<String> redirectUris, Set<String> postLogoutRedirectUris) {
    }

    /**
     * A user of the provider. {@code emailInIdToken} false puts e-mail only in the userinfo answer (as providers do
     * that keep ID tokens small); {@code extraClaims} go into the ID token as they are (e.g. a groups claim).
     */
    public record User(String subject, String email, String password, String name, boolean emailVerified,
                       boolean emailInIdToken, Map<String, Object> extraClaims) {

        public static User of(String email, String password) {
            return new User("sub-" + HexFormat.of().formatHex(randomBytes(6)), email, password, email, true, true, Map.of());
        }

        public User withExtraClaims(Map<String, Object> claims) {
            return new User(subject, email, password, name, emailVerified, emailInIdToken, claims);
        }

        public User withEmailOnlyFromUserInfo() {
            return new User(subject, email, password, name, emailVerified, false, extraClaims);
        }

        public User withUnverifiedEmail() {
            return new User(subject, email, password, name, false, emailInIdToken, extraClaims);
        }
    }

    private record Code(String clientId, String redirectUri, String nonce, String subject, Instant issued, Instant authTime) {
    }

    private record Session(String subject, Instant authTime) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SESSION_COOKIE = "fake_op_session";
    private static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final LoopbackHttpServer http;
    private final String issuer;
    private final RSAKey signingKey;
    private final RSAKey otherKey;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, User> usersByEmail = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<Map<String, String>> authorizationRequests = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> logouts = new CopyOnWriteArrayList<>();
    private final AtomicReference<Fault> nextFault = new AtomicReference<>();

    private FakeOpenIdProvider(LoopbackHttpServer http, String issuer) throws JOSEException {
        this.http = http;
        this.issuer = issuer;
        String kid = "fake-" + HexFormat.of().formatHex(randomBytes(4));
        this.signingKey = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        this.otherKey = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
    }

    /** Starts on 127.0.0.1 at a free port; the issuer is {@code http://127.0.0.1:<port>/realms/corp}. */
    public static FakeOpenIdProvider start() {
        LoopbackHttpServer http = LoopbackHttpServer.bind("fake-openid-provider");
        try {
            FakeOpenIdProvider provider = new FakeOpenIdProvider(http, "http://127.0.0.1:" + http.address().getPort() + "/realms/corp");
            http.serve("/realms/corp/", provider::handle);
            return provider;
        } catch (JOSEException e) {
            http.close();
            throw new IllegalStateException("Cannot make the fake OpenID provider's key", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public FakeOpenIdProvider register(Client client) {
        clients.put(client.id(), client);
        return this;
    }

    public FakeOpenIdProvider add(User user) {
        usersByEmail.put(user.email().toLowerCase(java.util.Locale.ROOT), user);
        return this;
    }

    /** The next ID token the token endpoint issues is wrong in this way (once); null takes a pending fault back. */
    public void misbehaveOnce(Fault fault) {
        nextFault.set(fault);
    }

    /** Forgets every provider session, as if the user's browser sessions at the provider had ended. */
    public void endAllSessions() {
        sessions.clear();
    }

    public List<Map<String, String>> authorizationRequests() {
        return List.copyOf(authorizationRequests);
    }

    public List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    public List<Map<String, String>> logouts() {
        return List.copyOf(logouts);
    }

    @Override
    public void close() {
        http.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/realms/corp".length());
            String method = exchange.getRequestMethod();
            switch (method + " " + path) {
                case "GET /.well-known/openid-configuration" -> json(exchange, 200, discovery());
                case "GET /authorize" -> authorize(exchange, query(exchange), null);
                case "POST /authorize" -> signIn(exchange, form(exchange));
                case "POST /token" -> token(exchange, form(exchange));
                case "GET /userinfo" -> userInfo(exchange);
                case "GET /jwks" -> json(exchange, 200, new JWKSet(signingKey.toPublicJWK()).toString(true));
                case "GET /logout" -> logout(exchange, query(exchange));
                default -> text(exchange, 404, "text/plain", "not found");
            }
        } catch (RuntimeException e) {
            text(exchange, 500, "text/plain", "fake provider failed: " + e);
        }
    }

    private String discovery() {
        return Json.createObjectBuilder()
                .add("issuer", issuer)
                .add("authorization_endpoint", issuer + "/authorize")
                .add("token_endpoint", issuer + "/token")
                .add("userinfo_endpoint", issuer + "/userinfo")
                .add("jwks_uri", issuer + "/jwks")
                .add("end_session_endpoint", issuer + "/logout")
                .add("response_types_supported", Json.createArrayBuilder().add("code"))
                .add("subject_types_supported", Json.createArrayBuilder().add("public"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("scopes_supported", Json.createArrayBuilder().add("openid").add("email").add("profile"))
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("client_secret_post").add("client_secret_basic"))
                .add("grant_types_supported", Json.createArrayBuilder().add("authorization_code"))
                .add("claims_supported", Json.createArrayBuilder().add("sub").add("iss").add("aud").add("exp").add("iat")
                        .add("nonce").add("email").add("email_verified").add("name"))
                .build().toString();
    }

    /** The authorization endpoint: its checks, then the sign-in form or, with a provider session, a code at once. */
    private void authorize(HttpExchange exchange, Map<String, String> params, String error) throws IOException {
        if (error == null) {
            authorizationRequests.add(Map.copyOf(params));
        }
        Client client = clients.get(params.getOrDefault("client_id", ""));
        String redirectUri = params.getOrDefault("redirect_uri", "");
        if (client == null || !client.redirectUris().contains(redirectUri)) {
            // never redirect to an address the client did not register
            text(exchange, 400, "text/html; charset=utf-8", "<h1>Invalid request</h1><p id=\"providerError\">Unknown client or redirect_uri "
                    + escape(redirectUri) + "</p>");
            return;
        }
        if (!"code".equals(params.get("response_type"))) {
            redirect(exchange, redirectUri + "?error=unsupported_response_type" + stateParam(params));
            return;
        }
        if (!Arrays.asList(params.getOrDefault("scope", "").split(" ")).contains("openid")) {
            redirect(exchange, redirectUri + "?error=invalid_scope" + stateParam(params));
            return;
        }
        Optional<Session> session = session(exchange);
        if (error == null && session.isPresent() && !"login".equals(params.get("prompt"))) {
            issueCode(exchange, params, client, session.get());
            return;
        }
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("client_id", "redirect_uri", "response_type", "scope", "state", "nonce")) {
            if (params.containsKey(name)) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(params.get(name))).append("\">");
            }
        }
        text(exchange, error == null ? 200 : 401, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>Corporate sign-in</title></head><body>"
                + "<h1 id=\"providerTitle\">Corporate sign-in</h1>"
                + (error == null ? "" : "<p id=\"providerError\">" + escape(error) + "</p>")
                + "<form method=\"post\" action=\"" + escape(issuer + "/authorize") + "\">" + hidden
                + "<label>E-mail <input id=\"username\" name=\"username\" type=\"text\"></label>"
                + "<label>Password <input id=\"password\" name=\"password\" type=\"password\"></label>"
                + "<button id=\"providerSignIn\" type=\"submit\">Sign in</button></form></body></html>");
    }

    private void signIn(HttpExchange exchange, Map<String, String> params) throws IOException {
        User user = usersByEmail.get(params.getOrDefault("username", "").strip().toLowerCase(java.util.Locale.ROOT));
        if (user == null || !user.password().equals(params.get("password"))) {
            authorize(exchange, params, "Invalid username or password.");
            return;
        }
        Client client = clients.get(params.getOrDefault("client_id", ""));
        if (client == null || !client.redirectUris().contains(params.getOrDefault("redirect_uri", ""))) {
            text(exchange, 400, "text/plain", "Unknown client or redirect_uri");
            return;
        }
        String sessionId = token("sid");
        Session session = new Session(user.subject(), Instant.now());
        sessions.put(sessionId, session);
        exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + sessionId + "; Path=/realms/corp; HttpOnly; SameSite=Lax");
        issueCode(exchange, params, client, session);
    }

    private void issueCode(HttpExchange exchange, Map<String, String> params, Client client, Session session) throws IOException {
        String code = token("code");
        codes.put(code, new Code(client.id(), params.get("redirect_uri"), params.get("nonce"), session.subject(), Instant.now(), session.authTime()));
        redirect(exchange, params.get("redirect_uri") + (params.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + enc(code)
                + stateParam(params));
    }

    private void token(HttpExchange exchange, Map<String, String> params) throws IOException {
        Map<String, String> recorded = new LinkedHashMap<>(params);
        recorded.remove("client_secret");
        tokenRequests.add(recorded);
        Optional<Client> client = authenticatedClient(exchange, params);
        if (client.isEmpty()) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"corp\"");
            json(exchange, 401, error("invalid_client", "Client authentication failed"));
            return;
        }
        if (!"authorization_code".equals(params.get("grant_type"))) {
            json(exchange, 400, error("unsupported_grant_type", "Only the authorization code grant"));
            return;
        }
        Code code = codes.remove(params.getOrDefault("code", ""));
        if (code == null || code.issued().plus(CODE_LIFETIME).isBefore(Instant.now()) || !code.clientId().equals(client.get().id())
                || !code.redirectUri().equals(params.get("redirect_uri"))) {
            json(exchange, 400, error("invalid_grant", "Code not valid"));
            return;
        }
        User user = usersByEmail.values().stream().filter(u -> u.subject().equals(code.subject())).findFirst().orElseThrow();
        String accessToken = token("at");
        accessTokens.put(accessToken, user.subject());
        String idToken = idToken(user, client.get(), code, accessToken, nextFault.getAndSet(null));
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        json(exchange, 200, Json.createObjectBuilder()
                .add("access_token", accessToken)
                .add("token_type", "Bearer")
                .add("expires_in", TOKEN_LIFETIME.toSeconds())
                .add("id_token", idToken)
                .add("scope", "openid email profile")
                .build().toString());
    }

    private Optional<Client> authenticatedClient(HttpExchange exchange, Map<String, String> params) {
        String id = params.get("client_id");
        String secret = params.get("client_secret");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8).split(":", 2);
            if (pair.length == 2) {
                id = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
                secret = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
            }
        }
        Client client = id == null ? null : clients.get(id);
        if (client == null || secret == null || !MessageDigest.isEqual(client.secret().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(client);
    }

    private String idToken(User user, Client client, Code code, String accessToken, Fault fault) {
        Instant now = Instant.now();
        Instant issued = fault == Fault.EXPIRED ? now.minus(Duration.ofMinutes(20)) : now;
        Instant expires = fault == Fault.EXPIRED ? now.minus(Duration.ofMinutes(10)) : now.plus(TOKEN_LIFETIME);
        String audience = fault == Fault.WRONG_AUDIENCE ? "another-client" : client.id();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(fault == Fault.WRONG_ISSUER ? "http://127.0.0.1:1/realms/elsewhere" : issuer)
                .subject(user.subject())
                .audience(audience)
                .claim("azp", audience)
                .expirationTime(Date.from(expires))
                .issueTime(Date.from(issued))
                .claim("auth_time", code.authTime().getEpochSecond())
                .claim("email_verified", user.emailVerified())
                .claim("name", user.name());
        if (code.nonce() != null) {
            claims.claim("nonce", fault == Fault.WRONG_NONCE ? token("nonce") : code.nonce());
        }
        if (fault != Fault.UNSIGNED) {
            claims.claim("at_hash", atHash(accessToken)); // a forger has no reason to add it
        }
        if (user.emailInIdToken()) {
            claims.claim("email", user.email());
        }
        user.extraClaims().forEach(claims::claim);
        JWTClaimsSet set = claims.build();
        if (fault == Fault.UNSIGNED) {
            return new PlainJWT(set).serialize();
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).type(JOSEObjectType.JWT).build(), set);
            jwt.sign(new RSASSASigner(fault == Fault.BAD_SIGNATURE ? otherKey : signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** at_hash: the left half of the SHA-256 of the access token, base64url (OpenID Connect Core 3.1.3.6). */
    private static String atHash(String accessToken) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(Arrays.copyOf(hash, hash.length / 2)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String subject = authorization != null && authorization.startsWith("Bearer ") ? accessTokens.get(authorization.substring(7).strip()) : null;
        Optional<User> user = usersByEmail.values().stream().filter(u -> u.subject().equals(subject)).findFirst();
        if (user.isEmpty()) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            json(exchange, 401, error("invalid_token", "Unknown access token"));
            return;
        }
        JsonObjectBuilder body = Json.createObjectBuilder().add("sub", user.get().subject()).add("email", user.get().email())
                .add("email_verified", user.get().emailVerified()).add("name", user.get().name());
        json(exchange, 200, body.build().toString());
    }

    private void logout(HttpExchange exchange, Map<String, String> params) throws IOException {
        logouts.add(Map.copyOf(params));
        session(exchange).ifPresent(s -> sessions.values().remove(s));
        exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=; Path=/realms/corp; Max-Age=0");
        String target = params.get("post_logout_redirect_uri");
        Optional<Client> client = clientOfHint(params.get("id_token_hint")).or(() -> Optional.ofNullable(clients.get(params.getOrDefault("client_id", ""))));
        if (target != null && client.isPresent() && client.get().postLogoutRedirectUris().contains(target)) {
            redirect(exchange, target + (params.containsKey("state") ? (target.contains("?") ? "&" : "?") + "state=" + enc(params.get("state")) : ""));
            return;
        }
        text(exchange, 200, "text/html; charset=utf-8", "<h1 id=\"providerSignedOut\">You are signed out of the corporate sign-in.</h1>");
    }

    /** The client an ID token hint was issued to, if the hint is a token this provider signed. */
    private Optional<Client> clientOfHint(String hint) {
        if (hint == null) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(hint);
            if (!jwt.verify(new RSASSAVerifier(signingKey.toRSAPublicKey()))) {
                return Optional.empty();
            }
            return jwt.getJWTClaimsSet().getAudience().stream().map(clients::get).filter(java.util.Objects::nonNull).findFirst();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private Optional<Session> session(HttpExchange exchange) {
        List<String> cookies = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        return cookies.stream().flatMap(h -> Arrays.stream(h.split(";"))).map(String::strip)
                .filter(c -> c.startsWith(SESSION_COOKIE + "=")).map(c -> c.substring(SESSION_COOKIE.length() + 1))
                .map(sessions::get).filter(java.util.Objects::nonNull).findFirst();
    }

    private static String error(String code, String description) {
        return Json.createObjectBuilder().add("error", code).add("error_description", description).build().toString();
    }

    private static String stateParam(Map<String, String> params) {
        return params.containsKey("state") ? "&state=" + enc(params.get("state")) : "";
    }

    private static Map<String, String> query(HttpExchange exchange) {
        return decode(exchange.getRequestURI().getRawQuery());
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        return decode(new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8));
    }

    private static Map<String, String> decode(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", URI.create(location).toString());
        exchange.sendResponseHeaders(302, -1);
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        text(exchange, status, "application/json", body);
    }

    private static void text(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String token(String prefix) {
        return prefix + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
