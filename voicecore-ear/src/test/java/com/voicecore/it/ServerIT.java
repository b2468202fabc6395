package com.voicecore.it;

import com.voicecore.it.support.Api;
import com.voicecore.it.support.Deployments;
import com.voicecore.it.support.TestEnvironment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deployed EAR as an operator sees it: health, the console, the API description. */
@ExtendWith(ArquillianExtension.class)
class ServerIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.voiceCoreEar();
    }

    @Test
    void readinessReportsTheDatabaseAndTheMigratedSchema() {
        Api.Reply ready = Api.get(Api.managementUrl("/health/ready"), null);
        assertEquals(200, ready.status(), ready.body());
        JsonObject check = ready.object().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("voicecore-database")).findFirst().orElseThrow();
        assertEquals("UP", check.getString("status"));
        assertEquals(latestMigration(), check.getJsonObject("data").getString("schemaVersion"),
                "readiness reports the newest migration in db/migration as applied");
        assertTrue(check.getJsonObject("data").getBoolean("reachable"));
        assertEquals(200, Api.get(Api.managementUrl("/health/live"), null).status());
    }

    @Test
    void readinessFollowsTheDatabaseDownAndBackUp() throws Exception {
        try {
            // the runtime role can no longer connect, and its open connections are cut
            execute("alter role voicecore_app nologin");
            execute("select pg_terminate_backend(pid) from pg_stat_activity where usename = 'voicecore_app'");
            assertEquals(503, awaitReadiness(503), "readiness reports DOWN while the database refuses the runtime role");
        } finally {
            execute("alter role voicecore_app login");
        }
        assertEquals(200, awaitReadiness(200), "and UP again once it answers");
    }

    private static int awaitReadiness(int wanted) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        int status;
        do {
            status = Api.get(Api.managementUrl("/health/ready"), null).status();
            if (status == wanted) {
                return status;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return status;
    }

    private static void execute(String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = TestEnvironment.database().superuserDataSource().getConnection();
             java.sql.Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void theAdminConsoleSendsAnUnsignedVisitorToItsPrimeFacesSignInPage() {
        Api.Reply home = Api.send("GET", "/admin/", null, null, null);
        assertEquals(302, home.status(), home.body());
        assertTrue(home.headers().firstValue("Location").orElse("").contains("/admin/login.xhtml"), home.headers().toString());
        Api.Reply page = Api.send("GET", "/admin/login.xhtml", null, null, null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Sign in to VoiceCore"), page.body());
        assertTrue(page.body().contains("ui-panel"), "rendered by PrimeFaces");
        assertFalse(page.body().matches("(?s).*\\d+ tenants?.*"), "no platform data on a page nobody signed in to");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        Api.Reply doc = Api.send("GET", "/openapi", null, null, null);
        assertEquals(200, doc.status());
        java.util.Set<String> paths = doc.object().getJsonObject("paths").keySet();
        for (String path : new String[] {"/api/v1/platform/tenants", "/api/v1/platform/tenants/{id}",
                "/api/v1/departments", "/api/v1/departments/{id}", "/api/v1/agents", "/api/v1/agents/{id}",
                "/api/v1/calls", "/api/v1/calls/{id}", "/api/v1/phone-numbers", "/api/v1/settings/telephony", "/api/v1/usage"}) {
            assertTrue(paths.contains(path), () -> "OpenAPI lists " + path + "; it lists " + paths);
        }
        assertEquals("bearer", doc.object().getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("apiKey").getString("scheme"));
    }

    @Test
    void unknownPathsAnswerProblemDocuments() {
        Api.Reply reply = Api.get("/api/v1/no-such-thing", null);
        assertEquals(404, reply.status());
        assertTrue(reply.isProblem(), reply.contentType());
    }

    /** The highest V<n>__ in the project's db/migration (the tests run in voicecore-ear). */
    private static String latestMigration() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("..", "db", "migration"))) {
            return Integer.toString(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
