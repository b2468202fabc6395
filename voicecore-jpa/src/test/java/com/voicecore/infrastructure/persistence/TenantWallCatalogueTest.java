package com.voicecore.infrastructure.persistence;

import com.voicecore.testsupport.EmbeddedDatabase;
import com.voicecore.testsupport.OrmHarness;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.annotations.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tenant wall, read from the catalogue rather than from the migrations: whatever a migration
 * says, every table with a tenant_id column must be behind a forced policy, indexed by tenant,
 * cascade from the registry, and be mapped by an entity carrying {@code @TenantId}. A table added
 * later is found by the same query, so it is checked without anyone remembering to list it.
 */
class TenantWallCatalogueTest {

    /** What the policy must say, as PostgreSQL 16 prints it back (pg_get_expr). */
    static final String CANONICAL_TENANT_PREDICATE =
            "(tenant_id = (NULLIF(current_setting('app.current_tenant'::text, true), ''::text))::uuid)";

    static final String PLATFORM_ROLE = "voicecore_platform";
    /** The only tables the platform role may read across tenants (db/README.md): nothing personal in them. */
    /** Tables the platform role may read across tenants; spam_reports only to count reports (db/V4). */
    /**
     * agents and queue_entries only for platform.realtime_due_tenants (V8): the real-time sweep learns
     * which tenants have due presence or queue work; the function answers tenant ids, nothing else.
     */
    static final Set<String> PLATFORM_DIRECTORY = Set.of("tenants", "phone_numbers", "api_keys", "spam_reports",
            "agents", "queue_entries");

    private static EmbeddedDatabase db;

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.start(Path.of(System.getProperty("voicecore.work.dir", "target/voicecore-work"),
                "tenant-wall-catalogue-test"), 0, false).migrate();
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    // ---------------------------------------------------------------- the checks (used by the self-checks too)

    /** Tables in public with a tenant_id column, except the platform's deletion receipts. */
    static Set<String> tenantTables(Connection c) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select c.relname
                from pg_class c
                         join pg_namespace n on n.oid = c.relnamespace
                         join pg_attribute a on a.attrelid = c.oid
                where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attname = 'tenant_id'
                  and not a.attisdropped and c.relname <> 'tenant_deletion_receipts'""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** Everything wrong with the wall, one line per problem, each starting with the table's name. */
    static List<String> wallViolations(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (String table : tenantTables(c)) {
            problems.addAll(wallViolations(c, table));
        }
        return problems;
    }

    static List<String> wallViolations(Connection c, String table) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select c.relrowsecurity, c.relforcerowsecurity, a.attnotnull, format_type(a.atttypid, a.atttypmod),
                       exists (select 1 from pg_index i
                               where i.indrelid = c.oid and i.indisvalid and i.indkey[0] = a.attnum),
                       (select count(*) from pg_constraint k
                        where k.conrelid = c.oid and k.contype = 'f'
                          and k.confrelid = 'public.tenants'::regclass
                          and k.conkey = array[a.attnum]::int2[]
                          and k.confkey = array[(select t.attnum from pg_attribute t
                                                 where t.attrelid = 'public.tenants'::regclass
                                                   and t.attname = 'id')]::int2[]
                          and k.confdeltype = 'c')
                from pg_class c
                         join pg_namespace n on n.oid = c.relnamespace
                         join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                where n.nspname = 'public' and c.relname = ?""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return List.of(table + ": no tenant_id column");
                }
                if (!rs.getBoolean(1)) {
                    problems.add(table + ": row level security is not ENABLED");
                }
                if (!rs.getBoolean(2)) {
                    problems.add(table + ": row level security is not FORCED (the owner would bypass it)");
                }
                if (!rs.getBoolean(3)) {
                    problems.add(table + ": tenant_id is nullable");
                }
                if (!"uuid".equals(rs.getString(4))) {
                    problems.add(table + ": tenant_id is " + rs.getString(4) + ", not uuid");
                }
                if (!rs.getBoolean(5)) {
                    problems.add(table + ": no index whose first column is tenant_id");
                }
                if (rs.getLong(6) != 1) {
                    problems.add(table + ": no foreign key (tenant_id) -> tenants (id) ON DELETE CASCADE");
                }
            }
        }
        problems.addAll(policyViolations(c, table, "tenant_id"));
        return problems;
    }

    /**
     * Exactly one policy for every role and every command, whose USING and WITH CHECK are the tenant
     * predicate; any other policy only lets the platform role read.
     */
    static List<String> policyViolations(Connection c, String table, String tenantColumn) throws SQLException {
        List<String> problems = new ArrayList<>();
        int tenantPolicies = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                select policyname, permissive, roles, cmd, qual, with_check
                from pg_policies where schemaname = 'public' and tablename = ?""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String permissive = rs.getString(2);
                    List<String> roles = roles(rs.getArray(3));
                    String cmd = rs.getString(4);
                    String qual = rs.getString(5);
                    String check = rs.getString(6);
                    if (roles.equals(List.of("public")) && "ALL".equals(cmd)) {
                        tenantPolicies++;
                        String expected = CANONICAL_TENANT_PREDICATE.replace("tenant_id", tenantColumn);
                        if (!"PERMISSIVE".equals(permissive)) {
                            problems.add(table + ": policy " + name + " is " + permissive);
                        }
                        for (String[] expr : new String[][] {{"USING", qual}, {"WITH CHECK", check}}) {
                            if (expr[1] == null || !expr[1].contains("app.current_tenant") || !expr[1].contains(tenantColumn)) {
                                problems.add(table + ": policy " + name + " " + expr[0] + " does not compare "
                                        + tenantColumn + " with app.current_tenant: " + expr[1]);
                            } else if (!expected.equals(expr[1].replaceAll("\\s+", " "))) {
                                problems.add(table + ": policy " + name + " " + expr[0] + " is not exactly the tenant"
                                        + " predicate: " + expr[1]);
                            }
                        }
                    } else if (!("SELECT".equals(cmd) && roles.equals(List.of(PLATFORM_ROLE))
                            && PLATFORM_DIRECTORY.contains(table))) {
                        problems.add(table + ": unexpected policy " + name + " (" + permissive + " " + cmd + " to "
                                + roles + " using " + qual + ")");
                    }
                }
            }
        }
        if (tenantPolicies != 1) {
            problems.add(table + ": " + tenantPolicies + " tenant policies for all roles and all commands, not exactly 1");
        }
        return problems;
    }

    private static List<String> roles(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).sorted().collect(Collectors.toList());
    }

    /**
     * Entities against the catalogue: an entity on a tenant table carries @TenantId on a field mapped to
     * tenant_id (its own or inherited), and every tenant table is mapped by some entity.
     */
    static List<String> mappingViolations(Set<String> tenantTables, Collection<Class<?>> entityClasses) {
        List<String> problems = new ArrayList<>();
        Set<String> mapped = new TreeSet<>();
        for (Class<?> type : entityClasses) {
            String table = tableOf(type);
            mapped.add(table);
            if (tenantTables.contains(table) && tenantIdField(type) == null) {
                problems.add(type.getName() + " maps tenant table " + table
                        + " but has no @TenantId field mapped to column tenant_id");
            }
        }
        for (String table : tenantTables) {
            if (!mapped.contains(table)) {
                problems.add(table + ": tenant table mapped by no entity");
            }
        }
        return problems;
    }

    static String tableOf(Class<?> type) {
        Table t = type.getAnnotation(Table.class);
        if (t != null && !t.name().isEmpty()) {
            return t.name();
        }
        Entity e = type.getAnnotation(Entity.class);
        return (e != null && !e.name().isEmpty() ? e.name() : type.getSimpleName()).toLowerCase(Locale.ROOT);
    }

    static Field tenantIdField(Class<?> type) {
        for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                Column column = f.getAnnotation(Column.class);
                if (f.isAnnotationPresent(TenantId.class) && column != null && "tenant_id".equals(column.name())) {
                    return f;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- the real schema

    @Test
    void everyTenantTableIsBehindAForcedPolicyIndexedAndCascadingFromTheRegistry() throws SQLException {
        try (Connection c = db.superuserDataSource().getConnection()) {
            Set<String> tables = tenantTables(c);
            assertTrue(tables.containsAll(Set.of("plans", "departments", "business_schedules", "business_hours",
                    "holidays", "receptionist_settings", "tenant_users", "api_keys", "agents", "phone_numbers",
                    "calls", "call_events", "knowledge_base", "spam_rules", "telephony_settings", "voicemails",
                    "credit_usage", "tenant_notifications", "spam_reports")), "the catalogue query finds the tables: " + tables);
            assertEquals(List.of(), wallViolations(c));
        }
    }

    @Test
    void theRegistryAndTheReceiptsAreBehindForcedRowLevelSecurityToo() throws SQLException {
        try (Connection c = db.superuserDataSource().getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select relname, relrowsecurity, relforcerowsecurity from pg_class
                     where oid in ('public.tenants'::regclass, 'public.tenant_deletion_receipts'::regclass)
                     order by relname""")) {
            int n = 0;
            while (rs.next()) {
                n++;
                assertTrue(rs.getBoolean(2), rs.getString(1) + " has RLS enabled");
                assertTrue(rs.getBoolean(3), rs.getString(1) + " has RLS forced");
            }
            assertEquals(2, n);
            assertEquals(List.of(), policyViolations(c, "tenants", "id"), "a tenant sees only its own registry row");
        }
    }

    @Test
    void everyEntityOnATenantTableCarriesTenantIdAndEveryTenantTableIsMapped() throws SQLException {
        Set<String> tables;
        try (Connection c = db.superuserDataSource().getConnection()) {
            tables = tenantTables(c);
        }
        List<Class<?>> entities;
        try (OrmHarness orm = new OrmHarness(db.appDataSource())) {
            entities = orm.emf().getMetamodel().getEntities().stream()
                    .map(EntityType::getJavaType).<Class<?>>map(t -> t).collect(Collectors.toList());
        }
        assertTrue(entities.size() >= tables.size(), "the persistence unit found its entities: " + entities);
        assertEquals(List.of(), mappingViolations(tables, entities));
    }

    // ---------------------------------------------------------------- the checks catch what they should

    static Stream<Arguments> brokenWalls() {
        String good = "tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid";
        return Stream.of(
                Arguments.of("not forced", "enable row level security", "policy " + good, "index", "not null",
                        "on delete cascade", "not FORCED"),
                Arguments.of("not enabled", "", "policy " + good, "index", "not null", "on delete cascade",
                        "not ENABLED"),
                Arguments.of("no policy", "both", "", "index", "not null", "on delete cascade",
                        "0 tenant policies"),
                Arguments.of("policy lets everything through", "both", "policy true", "index", "not null",
                        "on delete cascade", "does not compare"),
                Arguments.of("policy with an escape hatch", "both", "policy " + good + " or true", "index", "not null",
                        "on delete cascade", "not exactly the tenant predicate"),
                Arguments.of("extra policy for everybody", "both", "policy " + good + ";select-to-public", "index",
                        "not null", "on delete cascade", "unexpected policy"),
                Arguments.of("platform reads a table outside its directory", "both", "policy " + good + ";select-to-platform",
                        "index", "not null", "on delete cascade", "unexpected policy"),
                Arguments.of("no tenant index", "both", "policy " + good, "", "not null", "on delete cascade",
                        "no index"),
                Arguments.of("nullable tenant_id", "both", "policy " + good, "index", "", "on delete cascade",
                        "nullable"),
                Arguments.of("no cascade", "both", "policy " + good, "index", "not null", "", "no foreign key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenWalls")
    void theCatalogueCheckReportsABrokenTable(String caseName, String rls, String policy, String index, String notNull,
                                               String cascade, String expectedProblem) throws SQLException {
        String table = "wall_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = db.superuserDataSource().getConnection(); Statement st = c.createStatement()) {
            createProbe(st, table, rls, policy, index, notNull, cascade);
            try {
                assertTrue(tenantTables(c).contains(table), "the probe is found as a tenant table");
                List<String> problems = wallViolations(c);
                assertTrue(problems.stream().anyMatch(p -> p.startsWith(table + ":") && p.contains(expectedProblem)),
                        caseName + ": expected '" + expectedProblem + "' for " + table + " in " + problems);
                assertTrue(problems.stream().allMatch(p -> p.startsWith(table + ":")), "only the probe is reported: " + problems);
                assertTrue(mappingViolations(tenantTables(c), List.of()).contains(table + ": tenant table mapped by no entity"));
            } finally {
                st.execute("drop table " + table);
            }
            assertEquals(List.of(), wallViolations(c));
        }
    }

    @Test
    void theCatalogueCheckPassesACorrectTable() throws SQLException {
        String table = "wall_probe_ok_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = db.superuserDataSource().getConnection(); Statement st = c.createStatement()) {
            createProbe(st, table, "both",
                    "policy tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid",
                    "index", "not null", "on delete cascade");
            try {
                assertEquals(List.of(), wallViolations(c, table));
            } finally {
                st.execute("drop table " + table);
            }
        }
    }

    @Test
    void theMappingCheckReportsAnEntityWithoutTenantIdAndAnUnmappedTable() {
        Set<String> tables = Set.of("agents", "departments");
        List<String> problems = mappingViolations(tables, List.of(AgentsWithoutTenantId.class));
        assertTrue(problems.stream().anyMatch(p -> p.contains(AgentsWithoutTenantId.class.getName())), problems.toString());
        assertTrue(problems.contains("departments: tenant table mapped by no entity"), problems.toString());
        assertFalse(problems.contains("agents: tenant table mapped by no entity"));
        assertEquals(List.of(), mappingViolations(Set.of("agents"), List.of(AgentsWithTenantId.class)));
        assertTrue(tenantIdField(AgentsWithTenantIdOnTheWrongColumn.class) == null);
    }

    private static void createProbe(Statement st, String table, String rls, String policy, String index,
                                    String notNull, String cascade) throws SQLException {
        st.execute("create table " + table + " (id uuid primary key default gen_random_uuid(), tenant_id uuid "
                + notNull + " references tenants (id) " + cascade + ", payload text)");
        if (!index.isEmpty()) {
            st.execute("create index on " + table + " (tenant_id, payload)");
        } else {
            st.execute("create index on " + table + " (payload, tenant_id)");
        }
        if (rls.equals("both")) {
            st.execute("alter table " + table + " enable row level security");
            st.execute("alter table " + table + " force row level security");
        } else if (!rls.isEmpty()) {
            st.execute("alter table " + table + " " + rls);
        }
        if (!policy.isEmpty()) {
            String[] parts = policy.split(";");
            String predicate = parts[0].substring("policy ".length());
            st.execute("create policy tenant_isolation on " + table + " using (" + predicate + ") with check (" + predicate + ")");
            for (int i = 1; i < parts.length; i++) {
                String to = parts[i].equals("select-to-platform") ? PLATFORM_ROLE : "public";
                st.execute("create policy extra_" + i + " on " + table + " for select to " + to + " using (true)");
            }
        }
    }

    /** Not an @Entity on purpose: nothing may ever scan these into a persistence unit. */
    @Table(name = "agents")
    static class AgentsWithoutTenantId {
        @Column(name = "tenant_id")
        java.util.UUID tenantId;
    }

    @Table(name = "agents")
    static class AgentsWithTenantId {
        @TenantId
        @Column(name = "tenant_id")
        java.util.UUID tenantId;
    }

    static class AgentsWithTenantIdOnTheWrongColumn {
        @TenantId
        @Column(name = "owner_id")
        java.util.UUID tenantId;
    }
}
