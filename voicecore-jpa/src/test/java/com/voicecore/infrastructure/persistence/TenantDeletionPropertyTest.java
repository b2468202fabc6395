package com.voicecore.infrastructure.persistence;

import com.voicecore.domain.model.apikey.ApiKeySecret;
import com.voicecore.testsupport.EmbeddedDatabase;
import com.voicecore.testsupport.Generators;
import com.voicecore.testsupport.PooledDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Property 3: deleting a tenant through the platform path removes every row it had in every tenant
 * table (found from the catalogue, so a table added later is covered without editing this test),
 * leaves every other tenant exactly as it was, and leaves a receipt of counts only.
 */
class TenantDeletionPropertyTest {

    private static EmbeddedDatabase db;
    private static PooledDataSource app;
    private static PooledDataSource superuser;
    /** Phone numbers and call SIDs are unique across tenants: never hand the same one out twice. */
    private static final Set<String> USED_NUMBERS = new HashSet<>();
    private static final AtomicLong SERIAL = new AtomicLong(1_000_000);

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.start(Path.of(System.getProperty("voicecore.work.dir", "target/voicecore-work"),
                "tenant-deletion-property-test"), 0, false).migrate();
        app = new PooledDataSource(db.appDataSource(), 4);
        superuser = new PooledDataSource(db.superuserDataSource(), 4);
    }

    @AfterAll
    static void stop() throws SQLException {
        if (app != null) {
            app.close();
            superuser.close();
        }
        if (db != null) {
            db.close();
        }
    }

    // ---------------------------------------------------------------- generated tenants

    /** How much of everything a tenant has; names, e-mails and numbers are generated too. */
    record TenantSpec(String name, List<String> departments, List<String> userEmails, List<String> agentNames,
                      List<String> phoneNumbers, int keys, int calls, int eventsPerCall, int hoursPerSchedule,
                      int holidays, int knowledge, int spamRules) {
    }

    static Gen<TenantSpec> tenants() {
        Gen<String> name = Generators.tenantNames().zip(Generators.capitalisedWords(5, 9), (n, w) -> n + " " + w);
        Gen<List<String>> departments = lists().of(Generators.departmentNames()).ofSizeBetween(1, 3);
        Gen<List<String>> emails = lists().of(Generators.emailAddresses()).ofSizeBetween(1, 4);
        Gen<List<String>> people = lists().of(Generators.personNames()).ofSizeBetween(1, 4);
        Gen<List<String>> numbers = lists().of(Generators.e164Numbers()).ofSizeBetween(1, 2);
        Gen<int[]> counts = lists().of(integers().between(1, 3)).ofSize(7)
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray());
        return name.zip(departments, emails, people, (n, d, e, p) -> new Object[] {n, d, e, p})
                .zip(numbers, counts, (o, nums, c) -> {
                    @SuppressWarnings("unchecked")
                    TenantSpec spec = new TenantSpec((String) o[0], (List<String>) o[1], (List<String>) o[2],
                            (List<String>) o[3], nums, c[0], c[1] + 1, c[2], c[3], Math.min(c[4], 2), c[5], c[6]);
                    return spec;
                });
    }

    @Test
    void concurrentDeletionsOfOneTenantLeaveExactlyOneReceipt() throws Exception {
        for (int round = 0; round < 10; round++) {
            Personal doomed = provision(new TenantSpec("Raced " + round + " " + UUID.randomUUID(), List.of("Sales"),
                    List.of("r" + round + "@raced.example"), List.of("Ray"), List.of(), 1, 2, 1, 1, 0, 1, 1));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        try (Connection c = app.getConnection()) {
                            return rows(c, "select * from platform.delete_tenant(?, 'race')", doomed.tenant()).size();
                        }
                    }));
                }
                go.countDown();
                int receipts = 0;
                for (java.util.concurrent.Future<Integer> r : results) {
                    receipts += r.get();
                }
                assertEquals(1, receipts, "exactly one of the concurrent deletions answers with a receipt");
            } finally {
                pool.shutdownNow();
            }
            try (Connection su = superuser.getConnection(); Statement st = su.createStatement();
                 ResultSet rs = st.executeQuery("select count(*) from tenant_deletion_receipts where tenant_id = '"
                         + doomed.tenant() + "'")) {
                rs.next();
                assertEquals(1, rs.getLong(1));
            }
        }
    }

    // ---------------------------------------------------------------- provisioning, as the runtime role

    /** What a tenant was given that must not survive in a receipt. */
    record Personal(UUID tenant, String name, List<String> emails, List<String> numbers) {
    }

    private static Personal provision(TenantSpec spec) throws SQLException {
        try (Connection c = app.getConnection()) {
            UUID tenant;
            try (PreparedStatement ps = c.prepareStatement("select platform.create_tenant(?, null)")) {
                ps.setString(1, spec.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    tenant = (UUID) rs.getObject(1);
                }
            }
            c.setAutoCommit(false);
            exec(c, "select set_config('app.current_tenant', ?, true)", tenant.toString());
            exec(c, "insert into plans (tenant_id, code, included_minutes) values (?, 'starter', 500)", tenant);
            exec(c, "insert into receptionist_settings (tenant_id, company_name, greeting, languages, default_language, voice)"
                    + " values (?, ?, 'Hello', array['en','de'], 'en', 'alloy')", tenant, spec.name());

            List<UUID> departments = new ArrayList<>();
            Set<String> departmentNames = new HashSet<>();
            for (String d : spec.departments()) {
                if (departmentNames.add(d.toLowerCase(Locale.ROOT))) {
                    UUID id = UUID.randomUUID();
                    exec(c, "insert into departments (id, tenant_id, name) values (?, ?, ?)", id, tenant, d);
                    departments.add(id);
                }
            }
            exec(c, "insert into transfer_rules (tenant_id, name, phrases, target_kind, target_id) values (?, ?, ?, 'department', ?)",
                    tenant, "Billing for " + spec.name(), "invoice\nbilling", departments.get(0));
            List<UUID> schedules = new ArrayList<>();
            for (int i = -1; i < departments.size(); i++) {
                UUID id = UUID.randomUUID();
                exec(c, "insert into business_schedules (id, tenant_id, department_id, time_zone) values (?, ?, ?, 'Europe/Berlin')",
                        id, tenant, i < 0 ? null : departments.get(i));
                schedules.add(id);
                for (int h = 0; h < spec.hoursPerSchedule(); h++) {
                    exec(c, "insert into business_hours (tenant_id, schedule_id, day_of_week, opens_at, closes_at)"
                            + " values (?, ?, ?, ?, ?)", tenant, id, (short) (h + 1), LocalTime.of(8, 0), LocalTime.of(17, 0));
                }
                for (int h = 0; h < spec.holidays(); h++) {
                    exec(c, "insert into holidays (tenant_id, schedule_id, on_date, name) values (?, ?, ?, 'Holiday')",
                            tenant, id, LocalDate.of(2026, 12, 25 + h));
                }
            }
            List<UUID> users = new ArrayList<>();
            List<String> emails = new ArrayList<>();
            for (String e : new java.util.LinkedHashSet<>(spec.userEmails())) {
                UUID id = UUID.randomUUID();
                exec(c, "insert into tenant_users (id, tenant_id, email, display_name, password_hash, role)"
                        + " values (?, ?, ?, 'User', 'PBKDF2WithHmacSHA256:x', 'agent')", id, tenant, e);
                users.add(id);
                emails.add(e);
            }
            for (int k = 0; k < spec.keys(); k++) {
                ApiKeySecret key = ApiKeySecret.generate();
                exec(c, "insert into api_keys (tenant_id, name, key_prefix, key_hash) values (?, 'key', ?, ?)",
                        tenant, key.prefix(), key.sha256());
            }
            List<UUID> agents = new ArrayList<>();
            for (int a = 0; a < spec.agentNames().size(); a++) {
                UUID id = UUID.randomUUID();
                String email = "agent" + a + "." + emails.get(a % emails.size());
                exec(c, "insert into agents (id, tenant_id, department_id, user_id, name, email, extension)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", id, tenant, departments.get(a % departments.size()),
                        a < users.size() ? users.get(a) : null, spec.agentNames().get(a), email, 100 + a);
                agents.add(id);
                emails.add(email);
            }
            List<String> numbers = new ArrayList<>();
            for (String n : spec.phoneNumbers()) {
                String number = uniqueNumber(n);
                exec(c, "insert into phone_numbers (tenant_id, e164, department_id, label) values (?, ?, ?, 'main')",
                        tenant, number, departments.get(0));
                numbers.add(number);
            }
            for (int k = 0; k < spec.calls(); k++) {
                UUID id = UUID.randomUUID();
                String caller = uniqueNumber("+4930" + SERIAL.incrementAndGet());
                numbers.add(caller);
                exec(c, "insert into calls (id, tenant_id, twilio_call_sid, from_number, to_number, department_id, agent_id,"
                        + " status, transcript) values (?, ?, ?, ?, ?, ?, ?, 'completed', ?)", id, tenant,
                        "CA" + UUID.randomUUID().toString().replace("-", ""), caller, numbers.get(0),
                        departments.get(k % departments.size()), agents.get(k % agents.size()),
                        "Hello " + spec.name() + ", this is " + caller);
                exec(c, "insert into credit_usage (tenant_id, call_id, period_start, minutes) values (?, ?, ?, ?)",
                        tenant, id, LocalDate.of(2026, 11, 1), k + 1);
                exec(c, "insert into voicemails (tenant_id, call_id, department_id, recording_sid, recording_url, transcription)"
                        + " values (?, ?, ?, ?, ?, ?)", tenant, id, departments.get(k % departments.size()),
                        "RE" + UUID.randomUUID().toString().replace("-", ""), "https://api.twilio.com/recordings/x",
                        "This is " + caller + " for " + spec.name());
                exec(c, "insert into spam_reports (tenant_id, number, reason, call_id) values (?, ?, 'robocall', ?)",
                        tenant, caller, id);
                exec(c, "insert into webhook_replies (tenant_id, idempotency_token, call_sid, twiml) values (?, ?, ?, ?)",
                        tenant, UUID.randomUUID().toString(), "CA" + k, "<Response><Say>Hello " + spec.name() + "</Say></Response>");
                UUID stream = UUID.randomUUID();
                exec(c, "insert into realtime_streams (id, tenant_id, call_id, call_sid, expires_at, outcome, outcome_detail)"
                        + " values (?, ?, ?, ?, ?, 'end', ?)", stream, tenant, id, "CA" + k, OffsetDateTime.now(ZoneOffset.UTC),
                        "caller " + caller + " said goodbye");
                UUID conversation = UUID.randomUUID();
                exec(c, "insert into conversations (id, tenant_id, call_id, language) values (?, ?, ?, 'en')", conversation, tenant, id);
                exec(c, "insert into conversation_turns (tenant_id, conversation_id, call_id, seq, caller_text, reply_text, language, intent)"
                        + " values (?, ?, ?, 1, ?, 'Goodbye', 'en', 'end')", tenant, conversation, id, "This is " + caller);
                exec(c, "insert into knowledge_suggestions (tenant_id, question, normalized, language, last_call_id)"
                        + " values (?, ?, ?, 'en', ?)", tenant, "Is " + caller + " a customer?", "is " + caller + " a customer " + id, id);
                UUID entry = UUID.randomUUID();
                UUID queueAgent = agents.get(k % agents.size());
                exec(c, "insert into queue_entries (id, tenant_id, department_id, call_id, call_sid, caller_number, state,"
                        + " enqueued_at, agent_id) values (?, ?, ?, ?, ?, ?, 'completed', ?, ?)", entry, tenant,
                        departments.get(k % departments.size()), id, "CA" + k + spec.name().hashCode(), caller,
                        OffsetDateTime.now(ZoneOffset.UTC), queueAgent);
                exec(c, "insert into agent_offers (tenant_id, entry_id, agent_id, offered_at, outcome) values (?, ?, ?, ?, 'accepted')",
                        tenant, entry, queueAgent, OffsetDateTime.now(ZoneOffset.UTC));
                exec(c, "insert into agent_presence_log (tenant_id, agent_id, status, activity, started_at)"
                        + " values (?, ?, 'available', 'idle', ?)", tenant, queueAgent, OffsetDateTime.now(ZoneOffset.UTC));
                for (int e = 0; e < spec.eventsPerCall(); e++) {
                    exec(c, "insert into call_events (tenant_id, call_id, event, status, sequence_number, occurred_at)"
                            + " values (?, ?, 'status', 'ringing', ?, ?)", tenant, id, e, OffsetDateTime.now(ZoneOffset.UTC));
                }
            }
            exec(c, "insert into telephony_settings (tenant_id, twilio_account_sid, twilio_auth_token, fallback_number)"
                    + " values (?, ?, ?, ?)", tenant, "AC" + UUID.randomUUID().toString().replace("-", ""),
                    new byte[] {1, 2, 3}, "+4930123456");
            exec(c, "insert into realtime_settings (tenant_id, openai_api_key) values (?, ?)", tenant, new byte[] {4, 5, 6});
            if (!numbers.isEmpty()) {
                exec(c, "insert into vip_callers (tenant_id, number) values (?, ?)", tenant, numbers.get(0));
            }
            exec(c, "insert into tenant_notifications (tenant_id, kind, period_start) values (?, 'credits_80', ?)",
                    tenant, LocalDate.of(2026, 11, 1));
            exec(c, "insert into admin_audit_log (tenant_id, actor, action, subject, detail) values (?, ?, 'agent.created', ?, '')",
                    tenant, emails.isEmpty() ? "admin@example.com" : emails.get(0), spec.name());
            for (int k = 0; k < spec.knowledge(); k++) {
                exec(c, "insert into knowledge_base (tenant_id, question, answer) values (?, ?, ?)",
                        tenant, "Who is " + spec.name() + "?", "Call " + numbers.get(0));
            }
            for (int k = 0; k < spec.spamRules(); k++) {
                exec(c, "insert into spam_rules (tenant_id, rule_type, rule_value) values (?, 'number', ?)",
                        tenant, numbers.get(k % numbers.size()));
            }
            c.commit();
            return new Personal(tenant, spec.name(), emails, numbers);
        }
    }

    private static String uniqueNumber(String candidate) {
        synchronized (USED_NUMBERS) {
            String n = candidate;
            while (!USED_NUMBERS.add(n)) {
                n = "+1" + SERIAL.incrementAndGet();
            }
            return n;
        }
    }

    // ---------------------------------------------------------------- the property

    @Test
    @DisplayName("Property 3: Tenant Data Cleanup (database level)")
    void tenantDataCleanup() {
        java.util.concurrent.atomic.AtomicInteger examples = new java.util.concurrent.atomic.AtomicInteger();
        qt().withExamples(100).withShrinkCycles(20).forAll(tenants(), tenants()).checkAssert((specA, specB) -> {
            try {
                examples.incrementAndGet();
                Personal a = provision(specA);
                Personal b = provision(specB);
                List<String> tables = tenantTables();
                Map<String, Long> countsA = counts(a.tenant(), tables);
                Map<String, String> digestB = digests(b.tenant(), tables);
                for (String table : tables) {
                    assertTrue(countsA.get(table) > 0, "the generator puts rows in every tenant table, " + table
                            + " included (a new tenant table? provision() must fill it)");
                }

                List<Map<String, Object>> receipt;
                try (Connection c = app.getConnection()) {
                    receipt = rows(c, "select * from platform.delete_tenant(?, 'test')", a.tenant());
                    assertEquals(1, receipt.size(), "one receipt row");
                    assertEquals(List.of(), rows(c, "select * from platform.delete_tenant(?, 'test')", a.tenant()),
                            "deleting again answers with no row");
                }

                Map<String, Long> left = counts(a.tenant(), tables);
                for (String table : tables) {
                    assertEquals(0L, left.get(table), "rows of the deleted tenant left in " + table);
                }
                assertEquals(digestB, digests(b.tenant(), tables), "the other tenant is exactly as it was");

                Map<String, Object> r = receipt.get(0);
                assertEquals(a.tenant(), r.get("tenant_id"));
                Map<String, Long> expected = new TreeMap<>(countsA);
                expected.put("tenants", 1L);
                assertEquals(expected, parseCounts((String) r.get("rows_deleted")), "the receipt counts what was there");

                try (Connection su = superuser.getConnection()) {
                    List<Map<String, Object>> stored = rows(su, "select r.*, r::text as whole from tenant_deletion_receipts r"
                            + " where r.tenant_id = ?", a.tenant());
                    assertEquals(1, stored.size(), "one receipt, however often deletion was asked for");
                    assertEquals("test", stored.get(0).get("requested_by"));
                    String whole = (String) stored.get(0).get("whole");
                    assertFalse(whole.contains(a.name()), "the receipt holds no tenant name: " + whole);
                    assertFalse(whole.contains("@"), "the receipt holds no e-mail address: " + whole);
                    for (String email : a.emails()) {
                        assertFalse(whole.contains(email));
                    }
                    for (String number : a.numbers()) {
                        assertFalse(whole.contains(number), "the receipt holds no phone number: " + whole);
                        assertFalse(whole.contains(number.substring(1)));
                    }
                    assertEquals(0L, count(su, "select count(*) from tenants where id = ?", a.tenant()));
                    assertEquals(1L, count(su, "select count(*) from tenants where id = ?", b.tenant()));
                }
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(examples.get() >= 100, "ran " + examples + " examples");
    }

    @Test
    void deletingATenantWithTenThousandCallsTakesSeconds() throws SQLException {
        UUID tenant = provision(new TenantSpec("Big Caller Volume GmbH", List.of("Sales", "Support", "Billing"),
                List.of("a@big.example", "b@big.example"), List.of("Ann Lee", "Bo Yu", "Cy Twombly"),
                List.of("+493012345678"), 2, 1, 1, 5, 2, 3, 3)).tenant();
        try (Connection c = app.getConnection()) {
            c.setAutoCommit(false);
            exec(c, "select set_config('app.current_tenant', ?, true)", tenant.toString());
            exec(c, "insert into agents (tenant_id, department_id, name, email, extension)"
                    + " select ?, (select id from departments order by name limit 1), 'Agent ' || g, 'agent' || g || '@big.example', 1000 + g"
                    + " from generate_series(1, 200) g", tenant);
            exec(c, "insert into calls (tenant_id, twilio_call_sid, from_number, to_number, department_id, agent_id, status)"
                    + " select ?, 'CA' || md5(random()::text || g), '+4930' || (1000000 + g), '+493012345678',"
                    + " (select id from departments order by name limit 1),"
                    + " (select id from agents where extension = 1000 + (g % 200) + 1), 'completed'"
                    + " from generate_series(1, 10000) g", tenant);
            exec(c, "insert into call_events (tenant_id, call_id, event, status, sequence_number, occurred_at)"
                    + " select tenant_id, id, 'status', s, n, now() from calls,"
                    + " lateral (values ('ringing', 1), ('completed', 2)) e(s, n)");
            c.commit();
        }
        Map<String, Long> before = counts(tenant, tenantTables());
        assertTrue(before.get("calls") >= 10_000 && before.get("call_events") >= 20_000, before.toString());

        long started = System.nanoTime();
        try (Connection c = app.getConnection()) {
            assertEquals(1, rows(c, "select * from platform.delete_tenant(?, 'load test')", tenant).size());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("delete_tenant with %d calls, %d call events, %d agents: %d ms%n",
                before.get("calls"), before.get("call_events"), before.get("agents"), took.toMillis());
        assertTrue(took.compareTo(Duration.ofSeconds(60)) < 0, "took " + took);
        counts(tenant, tenantTables()).forEach((table, n) -> assertEquals(0L, n, table));
    }

    @Test
    void aTenantTableAddedByALaterMigrationIsCoveredByDeletion() throws SQLException {
        // what a V4 migration would do, as the owner, following V1/V2's rules for a tenant table
        try (Connection owner = db.ownerDataSource().getConnection(); Statement st = owner.createStatement()) {
            st.execute("create table later_feature (id uuid primary key default gen_random_uuid(),"
                    + " tenant_id uuid not null references tenants (id) on delete cascade, note text)");
            st.execute("create index later_feature_tenant_idx on later_feature (tenant_id)");
            st.execute("select tenant_isolation_policy('later_feature'::regclass)");
        }
        try {
            db.migrate(); // the start-up step: grants the runtime role its privileges from the catalogue
            Personal tenant = provision(new TenantSpec("Later Feature Ltd", List.of("Sales"), List.of("l@later.example"),
                    List.of("Lee Later"), List.of("+4930555" + SERIAL.incrementAndGet()), 1, 1, 1, 1, 1, 1, 1));
            try (Connection c = app.getConnection()) {
                c.setAutoCommit(false);
                exec(c, "select set_config('app.current_tenant', ?, true)", tenant.tenant().toString());
                exec(c, "insert into later_feature (tenant_id, note) values (?, 'new')", tenant.tenant());
                c.commit();
            }
            assertTrue(tenantTables().contains("later_feature"), "the platform finds the new table");
            List<Map<String, Object>> receipt;
            SQLException failure = null;
            try (Connection c = app.getConnection()) {
                receipt = rows(c, "select * from platform.delete_tenant(?, 'test')", tenant.tenant());
            } catch (SQLException e) {
                receipt = List.of();
                failure = e;
            }
            // grant_runtime_privileges (run at every start) grants the platform role the new table too
            assertNull(failure, "delete_tenant failed on a table added later: " + failure);
            assertEquals(1, receipt.size());
            String counts = String.valueOf(receipt.get(0).get("rows_deleted"));
            assertTrue(counts.contains("\"later_feature\": 1"), "the receipt counts the new table: " + counts);
        } finally {
            try (Connection owner = db.ownerDataSource().getConnection(); Statement st = owner.createStatement()) {
                st.execute("drop table later_feature");
            }
        }
    }

    // ---------------------------------------------------------------- helpers (as the superuser: outside the wall)

    private static List<String> tenantTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = superuser.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select * from platform.tenant_tables()")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertTrue(tables.size() >= 14, tables.toString());
        return tables;
    }

    private static Map<String, Long> counts(UUID tenant, List<String> tables) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, String> e : perTable(tenant, tables, "count(*)::text").entrySet()) {
            out.put(e.getKey(), Long.parseLong(e.getValue()));
        }
        return out;
    }

    /** Count and digest of every row, per table: any change to any row changes it. */
    private static Map<String, String> digests(UUID tenant, List<String> tables) throws SQLException {
        return perTable(tenant, tables, "count(*) || ':' || coalesce(md5(string_agg(x::text, ',' order by x::text)), '')");
    }

    private static Map<String, String> perTable(UUID tenant, List<String> tables, String aggregate) throws SQLException {
        StringBuilder sql = new StringBuilder("with p as (select ?::uuid as tenant) ");
        for (int i = 0; i < tables.size(); i++) {
            if (i > 0) {
                sql.append(" union all ");
            }
            sql.append("select '").append(tables.get(i)).append("', (select ").append(aggregate).append(" from public.\"")
                    .append(tables.get(i)).append("\" x where x.tenant_id = (select tenant from p))");
        }
        Map<String, String> out = new TreeMap<>();
        try (Connection c = superuser.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        assertEquals(new TreeSet<>(tables), out.keySet());
        return out;
    }

    private static final Pattern ENTRY = Pattern.compile("\"([a-z_][a-z0-9_]*)\":\\s*(\\d+)");

    /** rows_deleted as a map; fails if it holds anything but table names with counts. */
    private static Map<String, Long> parseCounts(String json) {
        Map<String, Long> out = new TreeMap<>();
        Matcher m = ENTRY.matcher(json);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            out.put(m.group(1), Long.parseLong(m.group(2)));
            m.appendReplacement(rest, "");
        }
        m.appendTail(rest);
        assertEquals("{}", rest.toString().replaceAll("[\\s,]", ""), "rows_deleted holds only counts: " + json);
        return out;
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.execute();
        }
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        return Long.parseLong(String.valueOf(rows(c, sql, args).get(0).values().iterator().next()));
    }

    private static List<Map<String, Object>> rows(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> out = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i) instanceof org.postgresql.util.PGobject p
                                ? p.getValue() : rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }
}
