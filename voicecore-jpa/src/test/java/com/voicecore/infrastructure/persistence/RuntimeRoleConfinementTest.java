package com.voicecore.infrastructure.persistence;

import com.voicecore.domain.model.apikey.ApiKeySecret;
import com.voicecore.testsupport.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the runtime role (voicecore_app, the role the application server connects as) can and cannot
 * do, tried directly: it cannot switch RLS off, become another role, change the wall, read the
 * platform's tables or call the migration helpers; the platform functions it may call answer forged
 * input with nothing and leave no tenant context behind.
 */
class RuntimeRoleConfinementTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static EmbeddedDatabase db;
    private static Tenant t1;
    private static Tenant t2;

    /** A tenant with one department, agent, API key and phone number. */
    record Tenant(UUID id, UUID agentId, ApiKeySecret key, String keyPrefix, String e164, String accountSid) {
    }

    @BeforeAll
    static void start() throws SQLException {
        db = EmbeddedDatabase.start(Path.of(System.getProperty("voicecore.work.dir", "target/voicecore-work"),
                "runtime-role-confinement-test"), 0, false).migrate();
        t1 = provision("Alpha Confinement", "+14155550101", "AC" + "1".repeat(32));
        t2 = provision("Beta Confinement", "+14155550202", null);
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    private static Tenant provision(String name, String e164, String accountSid) throws SQLException {
        try (Connection c = db.appDataSource().getConnection()) {
            c.setAutoCommit(false);
            UUID tenant = createTenant(c, name);
            UUID department = UUID.randomUUID();
            UUID agent = UUID.randomUUID();
            ApiKeySecret key = ApiKeySecret.generate();
            update(c, "insert into departments (id, tenant_id, name) values (?, ?, 'Sales')", department, tenant);
            update(c, "insert into agents (id, tenant_id, department_id, name, email, extension)"
                    + " values (?, ?, ?, 'Ann Lee', 'ann@example.com', 101)", agent, tenant, department);
            update(c, "insert into api_keys (tenant_id, name, key_prefix, key_hash) values (?, 'ci', ?, ?)",
                    tenant, key.prefix(), key.sha256());
            update(c, "insert into phone_numbers (tenant_id, e164, twilio_account_sid) values (?, ?, ?)",
                    tenant, e164, accountSid);
            c.commit();
            return new Tenant(tenant, agent, key, key.prefix(), e164, accountSid);
        }
    }

    // ---------------------------------------------------------------- no way around the wall

    @Test
    void switchingRowSecurityOffMakesQueriesFailInsteadOfBypassingThePolicy() throws SQLException {
        try (Connection c = db.appDataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("set row_security = off");
            SQLException e = assertThrows(SQLException.class, () -> st.executeQuery("select * from agents"));
            assertEquals(INSUFFICIENT_PRIVILEGE, e.getSQLState());
            assertTrue(e.getMessage().contains("query would be affected by row-level security policy"), e.getMessage());
            c.setAutoCommit(false);
            setTenant(c, t1.id());
            assertThrows(SQLException.class, () -> st.executeQuery("select count(*) from departments"),
                    "not with a tenant set either");
            c.rollback();
        }
        try (Connection c = db.superuserDataSource().getConnection()) {
            assertTrue(count(c, "select count(*) from agents") >= 2, "the table the app failed to read has rows");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"set role voicecore_owner", "set role voicecore_platform", "set role postgres",
            "set session authorization postgres", "set session authorization voicecore_owner",
            "set local role voicecore_platform"})
    void cannotBecomeAnotherRole(String sql) throws SQLException {
        try (Connection c = db.appDataSource().getConnection()) {
            c.setAutoCommit(false);
            assertRefused(c, sql);
            c.rollback();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"alter table agents disable row level security",
            "alter table agents no force row level security",
            "alter table tenants no force row level security",
            "drop policy tenant_isolation on agents",
            "alter policy tenant_isolation on agents using (true)",
            "create policy sneaky on agents for select using (true)",
            "alter table agents drop column tenant_id",
            "alter table agents owner to voicecore_app",
            "truncate agents",
            "create table public.sneaky (id int)",
            "create table platform.sneaky (id int)",
            "create schema sneaky",
            "create function public.sneaky() returns int language sql as 'select 1'",
            "create or replace function platform.tenant_tables() returns setof name language sql as 'select null::name'",
            "create view public.sneaky as select * from agents",
            "select * from tenant_deletion_receipts",
            "select * from flyway_schema_history",
            "insert into tenant_deletion_receipts (tenant_id, requested_by, started_at, completed_at, rows_deleted)"
                    + " values (gen_random_uuid(), 'x', now(), now(), '{}')",
            "insert into tenants (name) values ('sneaky')",
            "update tenants set status = 'active'",
            "delete from tenants",
            "select tenant_isolation_policy('agents'::regclass)",
            "select grant_runtime_privileges('voicecore_app')",
            "select public.grant_runtime_privileges('postgres'::name)"})
    void cannotChangeTheWallOrReadOrWriteWhatIsNotItsOwn(String sql) throws SQLException {
        try (Connection c = db.appDataSource().getConnection()) {
            c.setAutoCommit(false);
            setTenant(c, t1.id());
            assertRefused(c, sql);
            c.rollback();
        }
        try (Connection c = db.superuserDataSource().getConnection()) {
            assertEquals(1, count(c, "select count(*) from pg_class where relname = 'agents' and relrowsecurity and relforcerowsecurity"));
            assertEquals(0, count(c, "select count(*) from pg_class where relname = 'sneaky'"));
            assertTrue(count(c, "select count(*) from tenants") >= 2);
        }
    }

    @Test
    void passingItsPrivilegesOnGrantsNothing() throws SQLException {
        // PostgreSQL answers a GRANT without grant option with a warning, not an error: check the outcome
        try (Connection c = db.appDataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("grant select, insert on agents to public");
            st.execute("grant select on tenants to voicecore_platform");
        }
        try (Connection su = db.superuserDataSource().getConnection()) {
            assertEquals(0, count(su, "select count(*) from pg_class k, aclexplode(k.relacl) a"
                    + " where k.relname = 'agents' and a.grantee = 0"), "nothing granted to PUBLIC");
            assertEquals(0, count(su, "select count(*) from pg_class k, aclexplode(k.relacl) a"
                    + " join pg_roles r on r.oid = a.grantor where r.rolname = 'voicecore_app'"),
                    "voicecore_app is the grantor of nothing");
        }
    }

    @Test
    void isNotMemberOfAnyRoleAndOwnsNothing() throws SQLException {
        try (Connection c = db.superuserDataSource().getConnection()) {
            assertEquals(0, count(c, "select count(*) from pg_auth_members m join pg_roles r on r.oid = m.member"
                    + " where r.rolname = 'voicecore_app'"));
            assertEquals(0, count(c, "select count(*) from pg_class k join pg_roles r on r.oid = k.relowner"
                    + " where r.rolname = 'voicecore_app'"));
            assertEquals(0, count(c, "select count(*) from pg_proc p join pg_roles r on r.oid = p.proowner"
                    + " where r.rolname = 'voicecore_app'"));
            assertEquals(1, count(c, "select count(*) from pg_roles where rolname = 'voicecore_app' and not rolsuper"
                    + " and not rolbypassrls and not rolcreaterole and not rolcreatedb and not rolinherit"));
            assertEquals(1, count(c, "select count(*) from pg_roles where rolname = 'voicecore_platform' and not rolcanlogin"
                    + " and not rolbypassrls and not rolsuper"));
        }
    }

    // ---------------------------------------------------------------- the platform path, forged input

    @Test
    void authenticateApiKeyAnswersOnlyTheExactHashOfALiveKey() throws SQLException {
        try (Connection c = db.appDataSource().getConnection()) {
            // control: the real key answers with ids, nothing else
            List<List<Object>> ok = rows(c, "select * from platform.authenticate_api_key(?)", (Object) t1.key().sha256());
            assertEquals(1, ok.size());
            assertEquals(t1.id(), ok.get(0).get(0));
            assertEquals(2, ok.get(0).size());

            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            byte[] flipped = t1.key().sha256();
            flipped[31] ^= 1;
            List<byte[]> forged = new ArrayList<>(List.of(random, new byte[0], new byte[32], flipped,
                    t2.keyPrefix().getBytes(StandardCharsets.UTF_8),
                    ApiKeySecret.presented(t2.keyPrefix()).sha256(),
                    t2.key().text().getBytes(StandardCharsets.UTF_8),
                    "' or '1'='1".getBytes(StandardCharsets.UTF_8)));
            for (byte[] hash : forged) {
                assertEquals(List.of(), rows(c, "select * from platform.authenticate_api_key(?)", (Object) hash));
            }
            assertEquals(List.of(), rows(c, "select * from platform.authenticate_api_key(null)"));
            assertEquals(List.of(), rows(c, "select * from platform.authenticate_api_key(convert_to(?, 'UTF8'))", t2.keyPrefix()));
        }
    }

    @Test
    void authenticateApiKeyRefusesRevokedKeysAndSuspendedTenants() throws SQLException {
        Tenant revoked = provision("Revoked Keys Inc", "+14155550303", null);
        Tenant suspended = provision("Suspended Inc", "+14155550404", null);
        try (Connection su = db.superuserDataSource().getConnection()) {
            update(su, "update api_keys set revoked_at = now() where tenant_id = ?", revoked.id());
            update(su, "update tenants set status = 'suspended' where id = ?", suspended.id());
        }
        try (Connection c = db.appDataSource().getConnection()) {
            assertEquals(List.of(), rows(c, "select * from platform.authenticate_api_key(?)", (Object) revoked.key().sha256()));
            assertEquals(List.of(), rows(c, "select * from platform.authenticate_api_key(?)", (Object) suspended.key().sha256()));
            // a suspended tenant's number still resolves, with its status, so the webhook can answer politely
            assertEquals(List.of(List.of(suspended.id(), "suspended")),
                    rows(c, "select * from platform.resolve_tenant_by_number(?, null)", suspended.e164()));
        }
    }

    @Test
    void resolveTenantByNumberAnswersOnlyTenantIdAndStatus() throws SQLException {
        try (Connection c = db.appDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select * from platform.resolve_tenant_by_number(?, ?)")) {
            ps.setString(1, t1.e164());
            ps.setString(2, t1.accountSid());
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(2, md.getColumnCount());
                assertEquals("tenant_id", md.getColumnName(1));
                assertEquals("tenant_status", md.getColumnName(2));
                assertTrue(rs.next());
                assertEquals(t1.id(), rs.getObject(1));
                assertEquals("active", rs.getString(2));
                assertFalse(rs.next());
            }
            assertEquals(List.of(), rows(c, "select * from platform.resolve_tenant_by_number(?, ?)", t1.e164(), "AC" + "2".repeat(32)));
            assertEquals(List.of(), rows(c, "select * from platform.resolve_tenant_by_number(?, null)", t1.e164()),
                    "a number recorded with an account answers only with that account");
            assertEquals(List.of(List.of(t2.id(), "active")),
                    rows(c, "select * from platform.resolve_tenant_by_number(?, ?)", t2.e164(), "AC-anything"));
            for (String forged : new String[] {"+10000000000", "", "anonymous", "%", "+1415555%", ".*",
                    "' or '1'='1", "+14155550101' or 1=1 --", "+14155550101; delete from agents; --"}) {
                assertEquals(List.of(), rows(c, "select * from platform.resolve_tenant_by_number(?, ?)", forged, forged), forged);
                assertEquals(List.of(), rows(c, "select * from platform.resolve_tenant_by_number(?, null)", forged), forged);
            }
            assertEquals(List.of(), rows(c, "select * from platform.resolve_tenant_by_number(null, null)"));
        }
    }

    @Test
    void getTenantAndDeleteTenantAnswerNothingForUnknownIds() throws SQLException {
        long tenantsBefore;
        long agentsBefore;
        try (Connection su = db.superuserDataSource().getConnection()) {
            tenantsBefore = count(su, "select count(*) from tenants");
            agentsBefore = count(su, "select count(*) from agents");
        }
        try (Connection c = db.appDataSource().getConnection()) {
            assertEquals(List.of(), rows(c, "select * from platform.get_tenant(?)", UUID.randomUUID()));
            assertEquals(List.of(), rows(c, "select * from platform.get_tenant(null)"));
            assertEquals(List.of(), rows(c, "select * from platform.delete_tenant(null, 'test')"));
            assertEquals(List.of(), rows(c, "select * from platform.delete_tenant(null, null)"));
            assertEquals(List.of(), rows(c, "select * from platform.delete_tenant(?, 'test')", UUID.randomUUID()));
            assertEquals(List.of(), rows(c, "select * from platform.delete_tenant(?, ?)", UUID.randomUUID(),
                    "x'); delete from tenants; --"));
            assertEquals(List.of(), rows(c, "select * from platform.delete_tenant(?, ?)", new UUID(0, 0), "test"));
            assertEquals(List.of(), rows(c, "select * from platform.get_deletion_receipt(?)", t1.id()));
            SQLException e = assertThrows(SQLException.class,
                    () -> rows(c, "select * from platform.delete_tenant(?::uuid, 'test')", "' or true --"));
            assertEquals("22P02", e.getSQLState(), "not a uuid: refused before the function runs");
        }
        try (Connection su = db.superuserDataSource().getConnection()) {
            assertEquals(tenantsBefore, count(su, "select count(*) from tenants"));
            assertEquals(agentsBefore, count(su, "select count(*) from agents"));
            assertEquals(0, count(su, "select count(*) from tenant_deletion_receipts"));
        }
    }

    @Test
    void injectionLookingArgumentsAreJustData() throws SQLException {
        String name = "Robert'); drop table agents; --";
        long agentsBefore;
        try (Connection su = db.superuserDataSource().getConnection()) {
            agentsBefore = count(su, "select count(*) from agents");
        }
        UUID created;
        try (Connection c = db.appDataSource().getConnection()) {
            created = (UUID) rows(c, "select platform.create_tenant(?, ?)", name, "x.example'; --").get(0).get(0);
            assertEquals(name, rows(c, "select name from platform.get_tenant(?)", created).get(0).get(0));
            assertEquals(List.of(), rows(c, "select * from platform.list_tenants(?, ?)", -1, Integer.MAX_VALUE));
            assertThrows(SQLException.class, () -> rows(c, "select * from platform.list_tenants(?::int, 0)", "1; delete from tenants"));
            assertThrows(SQLException.class, () -> rows(c, "select platform.create_tenant(?, null)", "   "),
                    "a blank name is refused");
        }
        try (Connection su = db.superuserDataSource().getConnection()) {
            assertEquals(agentsBefore, count(su, "select count(*) from agents"), "agents is still there, untouched");
            assertEquals(1, count(su, "select count(*) from tenants where id = '" + created + "'"));
        }
    }

    // ---------------------------------------------------------------- no context left behind

    @Test
    void platformFunctionsLeaveNoTenantContextBehind() throws SQLException {
        Tenant doomed = provision("Doomed Inc", "+14155550505", null);
        Tenant fresh = provision("Fresh Key Inc", "+14155550606", null); // its key has never been used
        List<String[]> calls = List.of(
                new String[] {"select * from platform.list_tenants(10, 0)"},
                new String[] {"select platform.count_tenants()"},
                new String[] {"select * from platform.get_tenant(?::uuid)", t1.id().toString()},
                new String[] {"select * from platform.tenant_tables()"},
                new String[] {"select * from platform.get_deletion_receipt(?::uuid)", t1.id().toString()},
                new String[] {"select * from platform.resolve_tenant_by_number(?, ?)", t1.e164(), t1.accountSid()},
                new String[] {"select * from platform.authenticate_api_key(decode(?, 'hex'))", hex(fresh.key().sha256())},
                new String[] {"select * from platform.authenticate_api_key(decode(?, 'hex'))", hex(t1.key().sha256())},
                new String[] {"select * from platform.delete_tenant(?::uuid, 'test')", doomed.id().toString()},
                new String[] {"select * from platform.delete_tenant(?::uuid, 'test')", UUID.randomUUID().toString()});
        try (Connection c = db.appDataSource().getConnection()) {
            c.setAutoCommit(false);
            for (String[] call : calls) {
                Object[] args = java.util.Arrays.copyOfRange(call, 1, call.length);
                rows(c, call[0], args);
                assertNoTenantVisible(c, call[0]);
                c.commit();
            }
        }
        try (Connection su = db.superuserDataSource().getConnection()) {
            assertEquals(0, count(su, "select count(*) from tenants where id = '" + doomed.id() + "'"), "the delete did happen");
            assertEquals(1, count(su, "select count(*) from api_keys where tenant_id = '" + fresh.id() + "' and last_used_at is not null"),
                    "the first use was recorded (the path that sets and resets the context ran)");
        }
    }

    @Test
    void createTenantMakesTheNewTenantCurrentForTheRestOfItsTransactionOnly() throws SQLException {
        try (Connection c = db.appDataSource().getConnection()) {
            c.setAutoCommit(false);
            UUID created = createTenant(c, "Provisioned Inc");
            assertEquals(created.toString(), currentTenant(c), "documented: the caller provisions under the new tenant");
            assertEquals(List.of(List.of(created)), rows(c, "select id from tenants"), "it sees its own registry row only");
            assertEquals(0, count(c, "select count(*) from agents"), "and none of the other tenants' rows");
            update(c, "insert into departments (tenant_id, name) values (?, 'Reception')", created);
            SQLException e = assertThrows(SQLException.class,
                    () -> update(c, "insert into departments (tenant_id, name) values (?, 'Sneaky')", t1.id()));
            assertEquals(INSUFFICIENT_PRIVILEGE, e.getSQLState());
            c.rollback();

            UUID kept = createTenant(c, "Kept Inc");
            update(c, "insert into departments (tenant_id, name) values (?, 'Reception')", kept);
            c.commit();
            assertNoTenantVisible(c, "the transaction after create_tenant");
            c.setAutoCommit(true);
            createTenant(c, "Autocommitted Inc");
            assertNoTenantVisible(c, "the statement after an autocommitted create_tenant");
        }
        try (Connection su = db.superuserDataSource().getConnection()) {
            assertEquals(0, count(su, "select count(*) from tenants where name = 'Provisioned Inc'"), "rolled back");
            assertEquals(1, count(su, "select count(*) from departments d join tenants t on t.id = d.tenant_id"
                    + " where t.name = 'Kept Inc'"));
        }
    }

    @Test
    void temporaryTablesCannotShadowTheCatalogueInsidePlatformFunctions() throws SQLException {
        List<List<Object>> truth;
        try (Connection c = db.appDataSource().getConnection()) {
            truth = rows(c, "select * from platform.tenant_tables()");
        }
        Tenant victim = provision("Shadowed Receipt Inc", "+14155550707", null);
        List<List<Object>> seen;
        String receipt;
        // first defence: the runtime role cannot create temporary tables at all
        try (Connection c = db.appDataSource().getConnection(); Statement st = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> st.execute("create temp table scratch (x int)"));
            assertEquals("42501", refused.getSQLState());
        }
        // second defence, tested with TEMP granted back: pg_temp is searched last inside platform functions
        try (Connection su = db.superuserDataSource().getConnection(); Statement st = su.createStatement()) {
            st.execute("grant temporary on database voicecore to voicecore_app");
        }
        try (Connection c = db.appDataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("create temp table pg_class (oid oid, relname name, relnamespace oid, relkind \"char\")");
            st.execute("create temp table pg_namespace (oid oid, nspname name)");
            st.execute("create temp table pg_attribute (attrelid oid, attname name, attisdropped boolean)");
            st.execute("insert into pg_class values (1, 'plans', 1, 'r')");
            st.execute("insert into pg_namespace values (1, 'public')");
            st.execute("insert into pg_attribute values (1, 'tenant_id', false)");
            st.execute("grant select on pg_temp.pg_class, pg_temp.pg_namespace, pg_temp.pg_attribute to voicecore_platform");
            seen = rows(c, "select * from platform.tenant_tables()");
            receipt = String.valueOf(rows(c, "select rows_deleted from platform.delete_tenant(?, 'test')", victim.id()).get(0).get(0));
        } finally {
            try (Connection su = db.superuserDataSource().getConnection(); Statement st = su.createStatement()) {
                st.execute("revoke temporary on database voicecore from voicecore_app");
            }
        }
        try (Connection su = db.superuserDataSource().getConnection()) {
            assertEquals(0, count(su, "select count(*) from agents where tenant_id = '" + victim.id() + "'"),
                    "the rows go anyway: deletion itself cascades through the foreign keys");
        }
        // pg_temp is named last in every platform function's search_path: the shadow tables are ignored
        assertEquals(truth, seen, "the platform sees the real catalogue");
        assertTrue(receipt.contains("\"agents\""), receipt);
    }

    @Test
    void listingCreatingAndDeletingTenantsNeedsThePlatformKey() throws SQLException {
        String[] gated = {"select * from platform.list_tenants(10, 0)", "select platform.count_tenants()",
                "select * from platform.get_tenant('" + t1.id() + "')", "select platform.create_tenant('Intruder', null)",
                "select * from platform.delete_tenant('" + t1.id() + "', 'intruder')",
                "select * from platform.get_deletion_receipt('" + t1.id() + "')",
                // the console's (db/V11): platform admins, suspend/resume, the platform audit log, the spam list
                "select * from platform.find_platform_admin('ops@example.com')",
                "select platform.create_platform_admin('intruder@example.com', 'Intruder', 'PBKDF2WithHmacSHA512:1000:x:y')",
                "select platform.record_platform_admin_login('" + t1.id() + "', 0, null)",
                "select * from platform.set_tenant_status('" + t1.id() + "', 'suspended')",
                "select platform.write_audit('intruder', 'tenant.deleted', null, '')",
                "select * from platform.list_audit(10, 0)",
                "select * from platform.spam_list(1, 10)"};
        for (String key : new String[] {null, "", "wrong", db.platformKey() + "x", db.platformKey().toUpperCase()}) {
            try (Connection c = db.appDataSourceWithoutPlatformKey().getConnection()) {
                if (key != null) {
                    rows(c, "select set_config('app.platform_key', ?, false)", key);
                }
                for (String sql : gated) {
                    SQLException e = assertThrows(SQLException.class, () -> rows(c, sql), sql + " with key " + key);
                    assertEquals(INSUFFICIENT_PRIVILEGE, e.getSQLState(), sql);
                }
                // what a request needs before it knows its tenant stays open, and answers ids only
                assertEquals(List.of(List.of(t1.id())),
                        rows(c, "select tenant_id from platform.authenticate_api_key(?)", t1.key().sha256()));
                assertEquals(List.of(List.of(t1.id())),
                        rows(c, "select tenant_id from platform.resolve_console_tenant(?)", " " + t1.id().toString().toUpperCase() + " "),
                        "the console's sign-in finds an active tenant by id without the key");
            }
        }
        try (Connection su = db.superuserDataSource().getConnection()) {
            assertEquals(1, count(su, "select count(*) from tenants where id = '" + t1.id() + "'"), "nothing was deleted");
            assertEquals(0, count(su, "select count(*) from tenants where name = 'Intruder'"), "nothing was created");
            assertEquals(0, count(su, "select count(*) from platform.platform_admins where email = 'intruder@example.com'"));
            assertEquals(0, count(su, "select count(*) from tenants where status <> 'active' and id = '" + t1.id() + "'"));
            assertEquals(0, count(su, "select count(*) from platform.admin_audit_log where actor = 'intruder'"));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void assertNoTenantVisible(Connection c, String after) throws SQLException {
        String current = currentTenant(c);
        assertTrue(current == null || current.isEmpty(), "no tenant context after " + after + ": " + current);
        assertEquals(0, count(c, "select count(*) from agents"), "no agents visible after " + after);
        assertEquals(0, count(c, "select count(*) from api_keys"), "no keys visible after " + after);
        assertEquals(0, count(c, "select count(*) from tenants"), "no registry row visible after " + after);
    }

    private static String currentTenant(Connection c) throws SQLException {
        return (String) rows(c, "select current_setting('app.current_tenant', true)").get(0).get(0);
    }

    private static UUID createTenant(Connection c, String name) throws SQLException {
        return (UUID) rows(c, "select platform.create_tenant(?, null)", name).get(0).get(0);
    }

    private static void setTenant(Connection c, UUID tenant) throws SQLException {
        rows(c, "select set_config('app.current_tenant', ?, true)", tenant.toString());
    }

    private static void assertRefused(Connection c, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }, sql);
        assertNotNull(e.getSQLState());
        assertEquals(INSUFFICIENT_PRIVILEGE, e.getSQLState(), sql + ": " + e.getMessage());
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    static List<List<Object>> rows(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<List<Object>> out = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
