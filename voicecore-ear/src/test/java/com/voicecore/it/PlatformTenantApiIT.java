package com.voicecore.it;

import com.voicecore.it.support.Api;
import com.voicecore.it.support.Deployments;
import com.voicecore.it.support.Sql;
import com.voicecore.it.support.TestEnvironment;
import com.voicecore.it.support.TestTenant;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Array;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/** The platform operator's API: provisioning and deleting tenants, as the operator would use it. */
@ExtendWith(ArquillianExtension.class)
class PlatformTenantApiIT {

    private static final String TENANTS = "/api/v1/platform/tenants";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.voiceCoreEar();
    }

    private static String platformKey() {
        return TestEnvironment.platformKey();
    }

    // ---------------------------------------------------------------- provisioning

    record Signup(String name, String zone, List<String> languages, List<String> departments, int minutes) {

        String json(String adminEmail) {
            return "{\"name\": " + Api.str(name) + ", \"adminEmail\": " + Api.str(adminEmail)
                    + ", \"timeZone\": " + Api.str(zone)
                    + ", \"languages\": [" + languages.stream().map(Api::str).collect(Collectors.joining(",")) + "]"
                    + ", \"departments\": [" + departments.stream().map(Api::str).collect(Collectors.joining(",")) + "]"
                    + ", \"includedMinutes\": " + minutes + "}";
        }
    }

    private static Gen<Signup> signups() {
        List<String> zones = ZoneId.getAvailableZoneIds().stream().sorted().toList();
        Gen<String> names = strings().betweenCodePoints(0x20, 0x24F).ofLengthBetween(1, 60)
                .assuming(s -> !s.isBlank());
        Gen<List<String>> languages = lists().of(Generate.pick(List.of("en", "es", "fr", "de", "pt-BR", "es-MX", "nl")))
                .ofSizeBetween(1, 4).map(l -> l.stream().distinct().toList());
        Gen<List<String>> departments = lists().of(strings().basicLatinAlphabet().ofLengthBetween(1, 30)
                        .assuming(s -> !s.isBlank()).map(String::strip))
                .ofSizeBetween(1, 6)
                .map(l -> l.stream().filter(new HashSet<String>()::add).toList())
                .assuming(l -> l.stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().count() == l.size());
        return names.zip(Generate.pick(zones), languages, (n, z, l) -> new Object[] {n, z, l})
                .zip(departments, integers().between(0, 100_000),
                        (a, d, m) -> new Signup((String) a[0], (String) a[1], castList(a[2]), d, m));
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }

    @Test
    @DisplayName("Property 2: Tenant Provisioning Completeness")
    void provisioningCreatesEveryDefaultTheTenantNeeds() {
        qt().withExamples(100).withShrinkCycles(20).forAll(signups()).checkAssert(signup -> {
            String adminEmail = "Admin." + UUID.randomUUID() + "@Example.com";
            Api.Reply reply = Api.post(TENANTS, platformKey(), signup.json(adminEmail));
            assertEquals(201, reply.status(), reply.body());
            JsonObject created = reply.object();
            UUID id = UUID.fromString(created.getJsonObject("tenant").getString("id"));
            assertTrue(reply.location().endsWith(TENANTS + "/" + id), reply.location());
            assertEquals("no-store", reply.header("Cache-Control"), "the key and password must not be cached");
            String apiKey = created.getString("apiKey");
            String password = created.getString("adminPassword");

            // the registry row
            Map<String, Object> tenant = Sql.rows("select name, status from tenants where id = ?", id).get(0);
            assertEquals(signup.name().strip(), tenant.get("name"));
            assertEquals("active", tenant.get("status"));

            // departments: as asked, the first one the reception, each with its own extension block
            List<Map<String, Object>> departments = Sql.rows("select name, reception, extension_from, extension_to"
                    + " from departments where tenant_id = ? order by extension_from", id);
            assertEquals(signup.departments(), departments.stream().map(d -> d.get("name")).toList());
            assertEquals(Boolean.TRUE, departments.get(0).get("reception"));
            assertEquals(1, departments.stream().filter(d -> Boolean.TRUE.equals(d.get("reception"))).count());
            for (int i = 0; i < departments.size(); i++) {
                assertEquals(100 * (i + 1), departments.get(i).get("extension_from"));
                assertEquals(100 * (i + 1) + 99, departments.get(i).get("extension_to"));
            }

            // business hours in the tenant's time zone
            assertEquals(1, Sql.count("select count(*) from business_schedules where tenant_id = ? and time_zone = ?"
                    + " and department_id is null", id, signup.zone()));
            assertEquals(5, Sql.count("select count(*) from business_hours where tenant_id = ?", id));

            // receptionist settings
            Map<String, Object> settings = Sql.rows("select company_name, languages, default_language, greeting"
                    + " from receptionist_settings where tenant_id = ?", id).get(0);
            assertEquals(signup.name().strip(), settings.get("company_name"));
            assertArrayEquals(signup.languages().toArray(), toArray(settings.get("languages")));
            assertEquals(signup.languages().get(0), settings.get("default_language"));
            assertTrue(((String) settings.get("greeting")).contains(signup.name().strip()));

            // default spam rules and the plan
            assertEquals(3, Sql.count("select count(*) from spam_rules where tenant_id = ? and active", id));
            assertEquals(1, Sql.count("select count(*) from plans where tenant_id = ? and included_minutes = ?", id,
                    signup.minutes()));

            // the first admin: hashed with PBKDF2, the password given verifies, and is stored nowhere
            Map<String, Object> admin = Sql.rows("select email, role, password_hash from tenant_users where tenant_id = ?", id).get(0);
            assertEquals(adminEmail.toLowerCase(Locale.ROOT), admin.get("email"));
            assertEquals("tenant_admin", admin.get("role"));
            String hash = (String) admin.get("password_hash");
            assertTrue(pbkdf2Verifies(password, hash), "the returned password verifies against the stored hash");
            assertFalse(hash.contains(password));

            // the API key: stored only as its SHA-256, and it works
            Map<String, Object> key = Sql.rows("select key_hash, key_prefix from api_keys where tenant_id = ?", id).get(0);
            assertArrayEquals(sha256(apiKey), (byte[]) key.get("key_hash"));
            assertTrue(apiKey.startsWith((String) key.get("key_prefix")));
            Api.Reply mine = Api.get("/api/v1/departments", apiKey);
            assertEquals(200, mine.status(), mine.body());
            assertEquals(signup.departments(), mine.array().stream()
                    .sorted((a, b) -> a.asJsonObject().getInt("extensionFrom") - b.asJsonObject().getInt("extensionFrom"))
                    .map(d -> d.asJsonObject().getString("name")).toList());

            // and nothing that is not a default
            for (String table : List.of("agents", "calls", "call_events", "knowledge_base", "phone_numbers", "holidays")) {
                assertEquals(0, Sql.count("select count(*) from " + table + " where tenant_id = ?", id), table);
            }
        });
    }

    @Test
    void aFailureLateInProvisioningLeavesNothingBehind() {
        long before = Sql.totalRows();
        // the departments' unique index is the last thing checked, after the registry row and most
        // defaults have been written in the same transaction
        Api.Reply reply = Api.post(TENANTS, platformKey(),
                "{\"name\": \"Twice Sales\", \"adminEmail\": \"a@twice.example\", \"departments\": [\"Sales\", \"sales\"]}");
        assertEquals(409, reply.status(), reply.body());
        assertTrue(reply.isProblem());
        assertEquals(List.of("name"), reply.problemFields());
        assertEquals(before, Sql.totalRows(), "the rolled-back provisioning left no row anywhere");
        assertEquals(0, Sql.count("select count(*) from tenants where name = 'Twice Sales'"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing name          | {\"adminEmail\": \"a@b.example\"}                                    | name",
            "blank name            | {\"name\": \"  \", \"adminEmail\": \"a@b.example\"}                   | name",
            "name too long         | {\"name\": \"%LONG%\", \"adminEmail\": \"a@b.example\"}               | name",
            "missing admin e-mail  | {\"name\": \"Acme\"}                                                 | adminEmail",
            "bad admin e-mail      | {\"name\": \"Acme\", \"adminEmail\": \"not-an-address\"}             | adminEmail",
            "unknown time zone     | {\"name\": \"Acme\", \"adminEmail\": \"a@b.example\", \"timeZone\": \"Mars/Olympus\"} | timeZone",
            "bad language code     | {\"name\": \"Acme\", \"adminEmail\": \"a@b.example\", \"languages\": [\"english!\"]} | languages",
            "language not spoken   | {\"name\": \"Acme\", \"adminEmail\": \"a@b.example\", \"languages\": [\"en\", \"zh\"]} | languages",
            "negative minutes      | {\"name\": \"Acme\", \"adminEmail\": \"a@b.example\", \"includedMinutes\": -5} | includedMinutes",
            "domain with spaces    | {\"name\": \"Acme\", \"adminEmail\": \"a@b.example\", \"domain\": \"a b\"} | domain",
            "too many departments  | {\"name\": \"Acme\", \"adminEmail\": \"a@b.example\", \"departments\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\"]} | departments"})
    void invalidSignupsAreRefusedNamingTheFieldAndWriteNothing(String why, String body, String field) {
        long before = Sql.totalRows();
        Api.Reply reply = Api.post(TENANTS, platformKey(), body.replace("%LONG%", "x".repeat(201)));
        assertEquals(400, reply.status(), why + ": " + reply.body());
        assertTrue(reply.isProblem());
        assertTrue(reply.problemFields().contains(field), why + ": " + reply.body());
        assertEquals(before, Sql.totalRows());
    }

    @Test
    void malformedEmptyOversizedAndMistypedBodiesAreRefused() {
        long before = Sql.totalRows();
        Api.Reply malformed = Api.post(TENANTS, platformKey(), "{\"name\": \"Acme\", ");
        assertEquals(400, malformed.status(), malformed.body());
        assertTrue(malformed.isProblem());
        assertFalse(malformed.body().contains("java.") || malformed.body().contains("Exception"),
                "no internals in the answer: " + malformed.body());
        Api.Reply empty = Api.post(TENANTS, platformKey(), "");
        assertEquals(400, empty.status(), empty.body());
        Api.Reply wrongType = Api.post(TENANTS, platformKey(), "{\"name\": \"Acme\", \"adminEmail\": \"a@b.example\", \"includedMinutes\": \"lots\"}");
        assertEquals(400, wrongType.status(), wrongType.body());
        Api.Reply oversized = Api.post(TENANTS, platformKey(), "{\"name\": \"" + "x".repeat(70_000) + "\"}");
        assertEquals(413, oversized.status(), oversized.body());
        assertTrue(oversized.isProblem());
        Api.Reply xml = Api.send("POST", TENANTS, platformKey(), "<tenant/>", "application/xml");
        assertEquals(415, xml.status(), xml.body());
        assertEquals(before, Sql.totalRows());
    }

    @Test
    void aDomainBelongsToOneTenant() {
        String domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String body = "{\"name\": \"First\", \"adminEmail\": \"a@b.example\", \"domain\": \"" + domain + "\"}";
        assertEquals(201, Api.post(TENANTS, platformKey(), body).status());
        long before = Sql.totalRows();
        Api.Reply second = Api.post(TENANTS, platformKey(), body.replace("First", "Second"));
        assertEquals(409, second.status(), second.body());
        assertEquals(List.of("domain"), second.problemFields());
        assertEquals(before, Sql.totalRows());
    }

    @Test
    void onlyThePlatformKeyOpensThePlatformApi() {
        TestTenant tenant = TestTenant.provision("Keyholder");
        for (String key : new String[] {null, "", "wrong", tenant.apiKey(), platformKey() + "x"}) {
            Api.Reply reply = Api.get(TENANTS, key);
            assertEquals(401, reply.status(), "key " + key);
            assertTrue(reply.isProblem());
            assertEquals("Bearer realm=\"voicecore\"", reply.wwwAuthenticate());
            assertEquals(401, Api.post(TENANTS, key, "{\"name\": \"X\", \"adminEmail\": \"a@b.example\"}").status());
            assertEquals(401, Api.delete(TENANTS + "/" + tenant.id(), key).status());
        }
        assertEquals(1, Sql.count("select count(*) from tenants where id = ?", tenant.id()), "nothing deleted");
        // and the platform key is no tenant key
        assertEquals(401, Api.get("/api/v1/departments", platformKey()).status());
    }

    @Test
    void listAndGetShowTheRegistryOnly() {
        TestTenant tenant = TestTenant.provision("Listed Ltd");
        Api.Reply one = Api.get(TENANTS + "/" + tenant.id(), platformKey());
        assertEquals(200, one.status());
        assertEquals("Listed Ltd", one.object().getString("name"));
        // registry fields only (a null domain is left out, as JSON-B does for every null)
        assertEquals(Set.of("id", "name", "status", "createdAt"), new HashSet<>(one.object().keySet()));

        Api.Reply page = Api.get(TENANTS + "?limit=500", platformKey());
        assertEquals(200, page.status());
        assertTrue(page.object().getJsonArray("items").stream()
                .anyMatch(t -> t.asJsonObject().getString("id").equals(tenant.id().toString())));
        assertEquals(Sql.count("select count(*) from tenants"), page.object().getJsonNumber("total").longValue());

        assertEquals(404, Api.get(TENANTS + "/" + UUID.randomUUID(), platformKey()).status());
        assertEquals(404, Api.get(TENANTS + "/not-a-uuid", platformKey()).status());
    }

    // ---------------------------------------------------------------- deletion

    @Test
    @DisplayName("Property 3: Tenant Data Cleanup")
    void deletingATenantRemovesAllOfItsRowsAndNothingElse() {
        qt().withExamples(100).withShrinkCycles(10)
                .forAll(integers().between(0, 3), integers().between(0, 4), integers().between(0, 3))
                .checkAssert((extraDepartments, agentsOfA, agentsOfB) -> {
                    TestTenant a = TestTenant.provision("Leaving " + UUID.randomUUID());
                    TestTenant b = TestTenant.provision("Staying " + UUID.randomUUID());
                    populate(a, extraDepartments, agentsOfA);
                    populate(b, 1, agentsOfB);
                    Map<String, Long> aBefore = Sql.footprint(a.id());
                    Map<String, Long> bBefore = Sql.footprint(b.id());

                    Api.Reply deleted = Api.delete(TENANTS + "/" + a.id(), platformKey());
                    assertEquals(200, deleted.status(), deleted.body());

                    // nothing of A anywhere, B untouched
                    Sql.footprint(a.id()).forEach((table, n) -> assertEquals(0L, n, "rows of the deleted tenant in " + table));
                    assertEquals(bBefore, Sql.footprint(b.id()));

                    // the receipt: counts that match, and no personal data
                    JsonObject receipt = deleted.object();
                    assertEquals(a.id().toString(), receipt.getString("tenantId"));
                    JsonObject counts = receipt.getJsonObject("rowsDeleted");
                    aBefore.forEach((table, n) -> assertEquals(n.longValue(), counts.getJsonNumber(table).longValue(), table));
                    String stored = Sql.rows("select row_to_json(r)::text as j from tenant_deletion_receipts r where tenant_id = ?",
                            a.id()).get(0).get("j").toString();
                    assertFalse(stored.contains(a.name()) || stored.contains(a.adminEmail()) || stored.contains("@"), stored);
                    assertEquals(200, Api.get(TENANTS + "/" + a.id() + "/deletion-receipt", platformKey()).status());

                    // A is gone for everyone; B still works
                    assertEquals(404, Api.get(TENANTS + "/" + a.id(), platformKey()).status());
                    assertEquals(404, Api.delete(TENANTS + "/" + a.id(), platformKey()).status());
                    assertEquals(401, Api.get("/api/v1/agents", a.apiKey()).status());
                    assertEquals(200, Api.get("/api/v1/agents", b.apiKey()).status());
                });
    }

    private static void populate(TestTenant tenant, int extraDepartments, int agents) {
        List<String> departmentIds = new ArrayList<>();
        for (int i = 0; i < extraDepartments; i++) {
            Api.Reply d = Api.post("/api/v1/departments", tenant.apiKey(),
                    "{\"name\": \"Extra " + i + "\", \"extensionFrom\": " + (500 + 10 * i) + ", \"extensionTo\": " + (509 + 10 * i) + "}");
            assertEquals(201, d.status(), d.body());
            departmentIds.add(d.object().getString("id"));
        }
        Api.get("/api/v1/departments", tenant.apiKey()).array().stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getBoolean("reception")).findFirst()
                .ifPresent(d -> departmentIds.add(d.getString("id")));
        for (int i = 0; i < agents; i++) {
            Api.Reply r = Api.post("/api/v1/agents", tenant.apiKey(), "{\"name\": \"Agent " + i + "\", \"email\": \"agent" + i
                    + "@example.com\", \"departmentId\": \"" + departmentIds.get(departmentIds.size() - 1) + "\"}");
            assertEquals(201, r.status(), r.body());
        }
    }

    private static Object[] toArray(Object sqlArray) {
        try {
            return (Object[]) ((Array) sqlArray).getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Verifies as Jakarta Security's Pbkdf2PasswordHash would: algorithm:iterations:salt:hash. */
    private static boolean pbkdf2Verifies(String password, String stored) {
        String[] parts = stored.split(":");
        assertEquals(4, parts.length, stored);
        assertEquals("PBKDF2WithHmacSHA512", parts[0]);
        try {
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), Base64.getDecoder().decode(parts[2]),
                    Integer.parseInt(parts[1]), expected.length * 8);
            byte[] actual = SecretKeyFactory.getInstance(parts[0]).generateSecret(spec).getEncoded();
            assertNotNull(actual);
            return Arrays.equals(expected, actual);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
