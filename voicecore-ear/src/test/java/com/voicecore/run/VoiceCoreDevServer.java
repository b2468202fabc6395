package com.voicecore.run;

import com.voicecore.infrastructure.twilio.FakeTwilioApi;
import com.voicecore.testsupport.EmbeddedDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The run command ({@code mvn -Prun verify}): starts the embedded PostgreSQL (data kept in
 * {@code .voicecore/postgres}) unless {@code VOICECORE_DB_URL} names an external one, starts the
 * provisioned WildFly with the EAR, seeds a demo tenant once, prints where to go, and stops
 * everything on Ctrl-C.
 */
public final class VoiceCoreDevServer {

    private static final String DEMO_TENANT = "Northwind Dental";

    private final Path project;
    private final Path state;
    private final HttpClient http = HttpClient.newHttpClient();

    private VoiceCoreDevServer(Path project) {
        this.project = project;
        this.state = project.resolve(".voicecore");
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("voicecore.project.dir", ".")).toAbsolutePath().normalize();
        new VoiceCoreDevServer(project).run();
    }

    private void run() throws Exception {
        Files.createDirectories(state);
        Properties demo = load(state.resolve("demo.properties"));
        Map<String, String> env = new HashMap<>();
        EmbeddedDatabase database = null;
        String appUser;
        String appPassword;
        String dbUrl;
        if (System.getenv("VOICECORE_DB_URL") == null) {
            long t0 = System.nanoTime();
            database = EmbeddedDatabase.start(state.resolve("postgres"), 0, true);
            say("Embedded PostgreSQL 16 on 127.0.0.1:" + database.port() + " (data in .voicecore/postgres), "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms");
            dbUrl = database.jdbcUrl();
            appUser = database.appUser();
            appPassword = database.appPassword();
            env.put("VOICECORE_DB_URL", dbUrl);
            env.put("VOICECORE_DB_USER", database.ownerUser());
            env.put("VOICECORE_DB_PASSWORD", database.ownerPassword());
            env.put("VOICECORE_DB_APP_USER", appUser);
            env.put("VOICECORE_DB_APP_PASSWORD", appPassword);
        } else {
            dbUrl = System.getenv("VOICECORE_DB_URL");
            appUser = System.getenv().getOrDefault("VOICECORE_DB_APP_USER", "voicecore_app");
            appPassword = System.getenv("VOICECORE_DB_APP_PASSWORD");
            say("Using the external database " + dbUrl.replaceAll("//[^@/]*@", "//"));
        }
        String platformKey = System.getenv("VOICECORE_PLATFORM_API_KEY");
        if (platformKey == null || platformKey.isBlank()) {
            platformKey = demo.getProperty("platformApiKey", "vcp_" + randomToken());
            demo.setProperty("platformApiKey", platformKey);
        }
        env.put("VOICECORE_PLATFORM_API_KEY", platformKey);
        int offset = Integer.parseInt(System.getenv().getOrDefault("VOICECORE_PORT_OFFSET", "0"));
        // the key that encrypts tenants' Twilio tokens: generated once for the local database
        String secretsKey = System.getenv("VOICECORE_SECRETS_KEY");
        if (secretsKey == null || secretsKey.isBlank()) {
            secretsKey = demo.getProperty("secretsKey", randomKey());
            demo.setProperty("secretsKey", secretsKey);
        }
        env.put("VOICECORE_SECRETS_KEY", secretsKey);
        String publicUrl = System.getenv().getOrDefault("VOICECORE_PUBLIC_URL", "http://localhost:" + (8080 + offset));
        env.put("VOICECORE_PUBLIC_URL", publicUrl);
        store(demo, state.resolve("demo.properties"));

        // The demo's Twilio account is made up, so Twilio's REST API would refuse it (an agent accepting a queued
        // call moves the call through that API): a local stand-in answers instead, and the simulator's calls follow it.
        FakeTwilioApi twilioStandIn = null;
        if (System.getenv("VOICECORE_TWILIO_API_BASE_URL") == null) {
            twilioStandIn = FakeTwilioApi.start();
            env.put("VOICECORE_TWILIO_API_BASE_URL", twilioStandIn.baseUrl().toString());
        }

        Path serverHome = project.resolve("voicecore-ear/target/server");
        ServerProcess server = ServerProcess.start(serverHome, state.resolve("wildfly"),
                project.resolve("voicecore-ear/target/voicecore.ear"), env, offset, state.resolve("wildfly-console.log"));
        EmbeddedDatabase db = database;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping VoiceCore...");
            server.close();
            if (db != null) {
                db.close();
            }
            say("Stopped.");
        }, "voicecore-shutdown"));

        Duration ready = server.awaitReady(Duration.ofMinutes(3));
        say("WildFly with the VoiceCore EAR is ready in " + ready.toMillis() + " ms");

        String base = "http://localhost:" + server.httpPort();
        seedDemoTenant(base, platformKey, demo);
        seedTelephony(base, demo);
        seedPlatformAdmin(base, platformKey, demo);
        if (twilioStandIn != null) {
            twilioStandIn.account(demo.getProperty("twilioAccountSid"), demo.getProperty("twilioAuthToken"), demo.getProperty("twilioNumber"));
        }
        String standIn = twilioStandIn == null ? "" : " --twilio-api " + twilioStandIn.baseUrl();
        boolean softphoneLogin = appPassword != null
                && linkSoftphoneLogin(UUID.fromString(demo.getProperty("tenantId")), demo.getProperty("adminEmail"), dbUrl, appUser, appPassword);
        store(demo, state.resolve("demo.properties"));

        say("""

                ============================== VoiceCore is running ==============================
                  Web / REST API        %1$s/            API base  %1$s/api/v1
                  OpenAPI document      %1$s/openapi
                  Admin console         %1$s/admin/
                    tenant admin        organisation northwind-dental.example, %7$s / %8$s
                    platform admin      organisation empty, %16$s
                  Health                http://127.0.0.1:%2$d/health/ready   (and /health/live)
                  Platform API key      %3$s
                  Demo tenant           %4$s (%5$s)
                  Demo tenant API key   %6$s
                  Demo admin login      %7$s / %8$s
                  Agent softphone       %1$s/agent/   %13$s
                  Try:  curl -H 'Authorization: Bearer %6$s' %1$s/api/v1/agents
                  Call it (local call simulator, plays Twilio; demo number %9$s): the AI receptionist answers
                  from the knowledge base, then hands over to Sales (or dial an extension: --press 201):
                    TWILIO_AUTH_TOKEN=%11$s mvn -q -pl voicecore-ear -Psimulator test-compile exec:java \\
                      -Dsimulator.args="--url %12$s --account %10$s --from +14155550123 --to %9$s --say 'What time do you open?' --say 'I would like to talk to sales' --dial answered:42"
                    (outside 9-17 New York time it takes a message; to open now:
                     curl -X PUT -H 'Authorization: Bearer %6$s' -H 'Content-Type: application/json' \\
                          -d '{"mode":"open"}' %1$s/api/v1/business-hours/emergency)
                  With the softphone open and Alice available, ask for reception: she is offered the call, and
                  when she accepts, the caller is put through to her softphone:
                    TWILIO_AUTH_TOKEN=%11$s mvn -q -pl voicecore-ear -Psimulator test-compile exec:java \\
                      -Dsimulator.args="--url %12$s --account %10$s --from +14155550124 --to %9$s --say 'Reception please' --dial answered:30%15$s"
                  Twilio REST API       %14$s
                  Server log            .voicecore/wildfly/log/server.log
                  Stop with Ctrl-C.
                ==================================================================================
                """.formatted(base, server.managementPort(), platformKey, DEMO_TENANT, demo.getProperty("tenantId"),
                demo.getProperty("apiKey"), demo.getProperty("adminEmail"), demo.getProperty("adminPassword"),
                demo.getProperty("twilioNumber"), demo.getProperty("twilioAccountSid"), demo.getProperty("twilioAuthToken"), publicUrl,
                softphoneLogin ? "company id " + demo.getProperty("tenantId") + ", the demo admin login (agent Alice Reyes)"
                        : "(no demo login: VOICECORE_DB_APP_PASSWORD is not set for the external database)",
                twilioStandIn == null ? System.getenv("VOICECORE_TWILIO_API_BASE_URL")
                        : "a local stand-in at " + twilioStandIn.baseUrl() + " (VOICECORE_TWILIO_API_BASE_URL=https://api.twilio.com for the real one)",
                standIn,
                demo.getProperty("platformAdminEmail") == null ? "(none: see docs/console.md to make one)"
                        : demo.getProperty("platformAdminEmail") + " / " + demo.getProperty("platformAdminPassword")));
        int exit = server.waitFor();
        say("The server exited (" + exit + ")");
    }

    /**
     * Once per database: a console platform admin, made with the platform key; the server generates the
     * password and answers it once (kept in .voicecore/demo.properties, like the demo tenant's keys).
     */
    private void seedPlatformAdmin(String base, String platformKey, Properties demo) throws IOException, InterruptedException {
        if (demo.getProperty("platformAdminPassword") != null && demo.getProperty("tenantId") != null
                && demo.getProperty("platformAdminTenant", "").equals(demo.getProperty("tenantId"))) {
            return; // same database as when it was made (the demo tenant is still the one seeded with it)
        }
        HttpResponse<String> created = send(base + "/api/v1/platform/admins", "POST", platformKey,
                "{\"email\": \"ops@voicecore.example\", \"name\": \"Platform Operator\"}");
        if (created.statusCode() != 201) {
            say("Could not create the demo platform admin (" + created.statusCode() + "): " + created.body());
            demo.remove("platformAdminEmail");
            demo.remove("platformAdminPassword");
            return;
        }
        try (JsonReader reader = Json.createReader(new StringReader(created.body()))) {
            JsonObject admin = reader.readObject();
            demo.setProperty("platformAdminEmail", admin.getString("email"));
            demo.setProperty("platformAdminPassword", admin.getString("password"));
            demo.setProperty("platformAdminTenant", demo.getProperty("tenantId"));
        }
    }

    /** Once per database: a dental clinic with its departments, three agents and a small knowledge base. */
    private void seedDemoTenant(String base, String platformKey, Properties demo) throws IOException, InterruptedException {
        String known = demo.getProperty("tenantId");
        if (known != null && send(base + "/api/v1/platform/tenants/" + known, "GET", platformKey, null).statusCode() == 200) {
            return;
        }
        HttpResponse<String> created = send(base + "/api/v1/platform/tenants", "POST", platformKey, """
                {"name": "%s", "domain": "northwind-dental.example", "adminEmail": "admin@northwind-dental.example",
                 "adminName": "Dana Whitfield", "timeZone": "America/New_York", "languages": ["en", "es"]}
                """.formatted(DEMO_TENANT));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Seeding the demo tenant failed: " + created.statusCode() + " " + created.body());
        }
        JsonObject tenant = json(created.body()).asJsonObject();
        String apiKey = tenant.getString("apiKey");
        demo.setProperty("tenantId", tenant.getJsonObject("tenant").getString("id"));
        demo.setProperty("apiKey", apiKey);
        demo.setProperty("adminEmail", tenant.getString("adminEmail"));
        demo.setProperty("adminPassword", tenant.getString("adminPassword"));

        JsonArray departments = json(send(base + "/api/v1/departments", "GET", apiKey, null).body()).asJsonArray();
        String[][] agents = {
                {"Alice Reyes", "alice@northwind-dental.example", "Reception", "101"},
                {"Bob Chen", "bob@northwind-dental.example", "Sales", "201"},
                {"Carmen Diaz", "carmen@northwind-dental.example", "Support", "301"}};
        for (String[] a : agents) {
            String departmentId = departments.stream().map(JsonValue::asJsonObject)
                    .filter(d -> d.getString("name").equals(a[2])).findFirst().orElseThrow().getString("id");
            HttpResponse<String> agent = send(base + "/api/v1/agents", "POST", apiKey, """
                    {"name": "%s", "email": "%s", "departmentId": "%s", "extension": "%s", "status": "available"}
                    """.formatted(a[0], a[1], departmentId, a[3]));
            if (agent.statusCode() != 201) {
                throw new IllegalStateException("Seeding agent " + a[0] + " failed: " + agent.statusCode() + " " + agent.body());
            }
        }
        seedKnowledgeBase(base, apiKey);
        say("Seeded the demo tenant '" + DEMO_TENANT + "': departments, agents, knowledge base");
    }

    /**
     * A made-up Twilio account and number for the demo tenant, so the local call simulator can call it
     * (signed like Twilio, with this token). Also added to a demo tenant seeded by an older version.
     */
    private void seedTelephony(String base, Properties demo) throws IOException, InterruptedException {
        String apiKey = demo.getProperty("apiKey");
        JsonObject settings = json(send(base + "/api/v1/settings/telephony", "GET", apiKey, null).body()).asJsonObject();
        if (!settings.getBoolean("authTokenStored", false) || demo.getProperty("twilioAuthToken") == null) {
            String sid = "AC" + HexFormat.of().formatHex(randomBytes(16));
            String token = HexFormat.of().formatHex(randomBytes(16));
            HttpResponse<String> put = send(base + "/api/v1/settings/telephony", "PUT", apiKey,
                    "{\"accountSid\": \"" + sid + "\", \"authToken\": \"" + token + "\"}");
            if (put.statusCode() != 200) {
                throw new IllegalStateException("Seeding the demo Twilio account failed: " + put.statusCode() + " " + put.body());
            }
            demo.setProperty("twilioAccountSid", sid);
            demo.setProperty("twilioAuthToken", token);
        }
        String number = demo.getProperty("twilioNumber", "+12125550100");
        HttpResponse<String> numbers = send(base + "/api/v1/phone-numbers", "GET", apiKey, null);
        if (!numbers.body().contains(number)) {
            HttpResponse<String> added = send(base + "/api/v1/phone-numbers", "POST", apiKey,
                    "{\"number\": \"" + number + "\", \"label\": \"Main line (demo)\"}");
            if (added.statusCode() != 201) {
                throw new IllegalStateException("Seeding the demo number failed: " + added.statusCode() + " " + added.body());
            }
        }
        demo.setProperty("twilioNumber", number);
    }

    /**
     * The softphone signs in tenant users linked to an agent: the demo admin becomes Alice Reyes's login
     * (once; an admin signs in with the supervisor role). There is no API for this link yet.
     */
    private static boolean linkSoftphoneLogin(UUID tenant, String adminEmail, String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            try (PreparedStatement ctx = c.prepareStatement("select set_config('app.current_tenant', ?, true)")) {
                ctx.setString(1, tenant.toString());
                ctx.execute();
            }
            try (PreparedStatement link = c.prepareStatement("update agents set user_id = (select id from tenant_users"
                    + " where lower(email) = lower(?)) where email = 'alice@northwind-dental.example' and user_id is null")) {
                link.setString(1, adminEmail);
                link.executeUpdate();
            }
            c.commit();
            return true;
        } catch (Exception e) {
            say("Could not link the demo admin to an agent for the softphone: " + e.getMessage());
            return false;
        }
    }

    /** Through the tenant API, like an integrator: what the AI receptionist answers from. */
    private void seedKnowledgeBase(String base, String apiKey) throws IOException, InterruptedException {
        String[][] entries = {
                {"What are your opening hours?", "We are open Monday to Friday, 9 am to 5 pm.", "open time today hours", "hours", "en"},
                {"Where are you located?", "We are at 12 Harbour Street, second floor, next to the pharmacy.",
                        "address directions find office", "location", "en"},
                {"Do you accept dental insurance?", "Yes, we accept most major dental insurance plans.", "insurer coverage", "billing", "en"},
                {"How much does a cleaning cost?", "A professional cleaning costs 80 dollars.", "price fee", "billing", "en"},
                {"Do you treat children?", "Yes, we treat children from the age of three.", "kids child", "patients", "en"},
                {"¿Cuál es su horario?", "Abrimos de lunes a viernes, de 9 a 17 horas.", "abren hora apertura", "hours", "es"},
                {"¿Dónde están?", "Estamos en la calle Harbour 12, segundo piso, junto a la farmacia.", "dirección ubicados", "location", "es"}};
        for (String[] e : entries) {
            HttpResponse<String> added = send(base + "/api/v1/knowledge", "POST", apiKey, """
                    {"question": "%s", "answer": "%s", "keywords": "%s", "category": "%s", "language": "%s", "priority": 10}
                    """.formatted(e[0], e[1], e[2], e[3], e[4]));
            if (added.statusCode() != 201) {
                throw new IllegalStateException("Seeding the knowledge base failed: " + added.statusCode() + " " + added.body());
            }
        }
    }

    private HttpResponse<String> send(String url, String method, String bearer, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonValue json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
        }
        return p;
    }

    /** Local, git-ignored, readable by the owner only: the demo's keys so a second run can print them. */
    private static void store(Properties p, Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "VoiceCore demo credentials (local only; delete .voicecore/ to start afresh)");
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** 256 bits for AES-GCM, base64 as VOICECORE_SECRETS_KEY expects. */
    private static String randomKey() {
        return Base64.getEncoder().encodeToString(randomBytes(32));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void say(String line) {
        System.out.println("[voicecore] " + line);
    }
}
