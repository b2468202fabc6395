package com.voicecore.infrastructure.persistence;

import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.shared.EmailAddress;
import com.voicecore.domain.model.shared.Extension;
import com.voicecore.domain.model.shared.ExtensionRange;
import com.voicecore.infrastructure.persistence.jpa.JpaAgentRepository;
import com.voicecore.infrastructure.persistence.jpa.JpaDepartmentRepository;
import com.voicecore.infrastructure.tenancy.TenantContext;
import com.voicecore.testsupport.EmbeddedDatabase;
import com.voicecore.testsupport.Generators;
import com.voicecore.testsupport.OrmHarness;
import com.voicecore.testsupport.PooledDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Property 1: whatever two or three tenants hold, each sees, changes and deletes only its own rows, through
 * the ORM and through plain SQL as the runtime role; with no tenant at all nothing is visible or writable.
 * Both locks are tried apart as well: the ORM over a connection that bypasses RLS (superuser) must still
 * filter by tenant on its own.
 */
class TenantDataIsolationPropertyTest {

    private static final String RLS_VIOLATION = "42501";

    private static EmbeddedDatabase db;
    /** Pooled, as on the server: a connection that served one tenant serves the next (and must not leak). */
    private static PooledDataSource app;
    private static PooledDataSource superuser;
    private static OrmHarness orm;        // as voicecore_app: both locks
    private static OrmHarness ormAlone;   // as the superuser: RLS does not apply, only @TenantId is left

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.start(Path.of(System.getProperty("voicecore.work.dir", "target/voicecore-work"),
                "tenant-data-isolation-property-test"), 0, false).migrate();
        app = new PooledDataSource(db.appDataSource(), 4);
        superuser = new PooledDataSource(db.superuserDataSource(), 4);
        orm = new OrmHarness(app);
        ormAlone = new OrmHarness(superuser);
    }

    @AfterAll
    static void stop() throws SQLException {
        if (orm != null) {
            orm.close();
        }
        if (ormAlone != null) {
            ormAlone.close();
        }
        if (app != null) {
            app.close();
            superuser.close();
        }
        if (db != null) {
            db.close();
        }
    }

    // ---------------------------------------------------------------- generated data

    record DepartmentSpec(String name, ExtensionRange extensions) {
    }

    /** departmentIndex -1: no department; extension null: none. */
    record AgentSpec(String name, String email, int departmentIndex, Integer extension) {
    }

    record TenantSpec(String name, List<DepartmentSpec> departments, List<AgentSpec> agents) {
    }

    /** A tenant's staff, unique where the schema says so (department names, e-mails, extensions). */
    static Gen<TenantSpec> tenants() {
        Gen<List<DepartmentSpec>> departments = lists().of(Generators.departmentNames().zip(
                        Generators.extensionRanges(), booleans().all(),
                        (name, range, hasRange) -> new DepartmentSpec(name, hasRange ? range : null)))
                .ofSizeBetween(1, 3);
        Gen<List<Object[]>> agents = lists().of(Generators.personNames().zip(Generators.emailAddresses(),
                        integers().between(-1, 2), Generators.extensionNumbers(), integers().between(0, 3),
                        (name, email, dept, ext, extMode) -> new Object[] {name, email, dept, ext, extMode}))
                .ofSizeBetween(1, 5);
        return Generators.tenantNames().zip(departments, agents, TenantDataIsolationPropertyTest::coherent);
    }

    private static TenantSpec coherent(String tenantName, List<DepartmentSpec> rawDepartments, List<Object[]> rawAgents) {
        List<DepartmentSpec> departments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (DepartmentSpec d : rawDepartments) {
            String name = d.name();
            for (int i = 2; !names.add(name.toLowerCase(Locale.ROOT)); i++) {
                name = d.name() + " " + i;
            }
            departments.add(new DepartmentSpec(name, d.extensions()));
        }
        List<AgentSpec> agents = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        Set<Integer> extensions = new HashSet<>();
        for (Object[] a : rawAgents) {
            String email = (String) a[1];
            for (int i = 2; !emails.add(email); i++) {
                email = i + "." + a[1];
            }
            int dept = Math.min((Integer) a[2], departments.size() - 1);
            int ext = (Integer) a[3];
            Integer extension = null;
            if ((Integer) a[4] > 0) { // three in four agents have an extension
                ExtensionRange range = dept < 0 ? null : departments.get(dept).extensions();
                if (range != null) {
                    int width = range.last().number() - range.first().number() + 1;
                    int candidate = range.first().number() + Math.floorMod(ext, width);
                    for (int tries = 0; tries < width && extensions.contains(candidate); tries++) {
                        candidate = range.first().number() + Math.floorMod(candidate + 1 - range.first().number(), width);
                    }
                    extension = extensions.contains(candidate) ? null : candidate;
                } else if (!extensions.contains(ext)) {
                    extension = ext;
                }
            }
            if (extension != null) {
                extensions.add(extension);
            }
            agents.add(new AgentSpec((String) a[0], email, dept, extension));
        }
        return new TenantSpec(tenantName, departments, agents);
    }

    /** Two or three tenants; now and then the second is a copy of the first (same names, e-mails, extensions). */
    static Gen<List<TenantSpec>> worlds() {
        return lists().of(tenants()).ofSizeBetween(2, 3).zip(integers().between(0, 3), (ts, copy) -> {
            List<TenantSpec> world = new ArrayList<>(ts);
            if (copy == 0) {
                world.set(1, world.get(0));
            }
            return world;
        });
    }

    // ---------------------------------------------------------------- what is stored

    record Stored(UUID tenant, List<UUID> departments, List<UUID> agents, List<Integer> extensions, List<String> emails) {
    }

    private static Stored store(TenantSpec spec) throws SQLException {
        UUID tenant;
        try (Connection c = app.getConnection();
             PreparedStatement ps = c.prepareStatement("select platform.create_tenant(?, null)")) {
            ps.setString(1, spec.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                tenant = (UUID) rs.getObject(1);
            }
        }
        return orm.inTenant(tenant, em -> {
            List<Department> departments = new ArrayList<>();
            for (DepartmentSpec d : spec.departments()) {
                Department department = new Department(d.name(), "generated", d.extensions(), false);
                em.persist(department);
                departments.add(department);
            }
            List<Agent> agents = new ArrayList<>();
            for (AgentSpec a : spec.agents()) {
                Agent agent = new Agent(a.name(), new EmailAddress(a.email()),
                        a.departmentIndex() < 0 ? null : departments.get(a.departmentIndex()),
                        a.extension() == null ? null : new Extension(a.extension()));
                em.persist(agent);
                agents.add(agent);
            }
            em.flush();
            for (Department d : departments) {
                assertEquals(tenant, d.tenantId(), "Hibernate stamped the tenant");
            }
            return new Stored(tenant, ids(departments.stream().map(Department::id)), ids(agents.stream().map(Agent::id)),
                    spec.agents().stream().map(AgentSpec::extension).filter(x -> x != null).collect(Collectors.toList()),
                    spec.agents().stream().map(AgentSpec::email).collect(Collectors.toList()));
        });
    }

    private static List<UUID> ids(java.util.stream.Stream<UUID> ids) {
        return ids.sorted().collect(Collectors.toList());
    }

    // ---------------------------------------------------------------- the property

    @Test
    @DisplayName("Property 1: Tenant Data Isolation (ORM and SQL levels)")
    void tenantDataIsolation() {
        java.util.concurrent.atomic.AtomicInteger examples = new java.util.concurrent.atomic.AtomicInteger();
        qt().withExamples(100).withShrinkCycles(20).forAll(worlds()).checkAssert(world -> {
            try {
                examples.incrementAndGet();
                List<Stored> stored = new ArrayList<>();
                for (TenantSpec spec : world) {
                    stored.add(store(spec));
                }
                for (Stored a : stored) {
                    List<Stored> others = stored.stream().filter(o -> o != a).collect(Collectors.toList());
                    Map<UUID, String> before = fingerprints(others);
                    throughTheOrm(orm, a, others);
                    throughTheOrm(ormAlone, a, others);
                    throughSql(a, others);
                    assertEquals(before, fingerprints(others), "the other tenants' rows are exactly as they were");
                }
                withNoTenant(stored);
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(examples.get() >= 100, "ran " + examples + " examples");
    }

    private static void throughTheOrm(OrmHarness harness, Stored a, List<Stored> others) {
        List<UUID> otherAgents = others.stream().flatMap(o -> o.agents().stream()).collect(Collectors.toList());
        List<UUID> otherDepartments = others.stream().flatMap(o -> o.departments().stream()).collect(Collectors.toList());
        String lock = harness == orm ? "ORM+RLS" : "ORM alone";

        harness.runInTenant(a.tenant(), em -> {
            JpaAgentRepository agents = new JpaAgentRepository(em);
            JpaDepartmentRepository departments = new JpaDepartmentRepository(em);
            assertEquals(a.agents(), ids(agents.findAll().stream().map(Agent::id)), lock + ": findAll is exactly A's agents");
            assertEquals(a.departments(), ids(departments.findAll().stream().map(Department::id)),
                    lock + ": findAll is exactly A's departments");
            assertEquals((long) a.agents().size(), em.createQuery("select count(a) from Agent a", Long.class).getSingleResult());
            for (UUID id : otherAgents) {
                assertNull(em.find(Agent.class, id), lock + ": em.find of another tenant's agent");
                assertTrue(agents.find(id).isEmpty());
            }
            for (UUID id : otherDepartments) {
                assertNull(em.find(Department.class, id), lock + ": em.find of another tenant's department");
                assertEquals(0L, agents.countByDepartment(id));
            }
            for (Stored o : others) {
                for (Integer ext : o.extensions()) {
                    if (!a.extensions().contains(ext)) {
                        assertTrue(agents.findByExtension(new Extension(ext)).isEmpty(), lock + ": extension " + ext);
                    }
                }
                for (String email : o.emails()) {
                    if (!a.emails().contains(email)) {
                        assertTrue(agents.findByEmail(new EmailAddress(email)).isEmpty(), lock + ": " + email);
                    }
                }
            }
            if (!otherAgents.isEmpty()) {
                assertEquals(0, em.createQuery("delete from Agent where id in :ids").setParameter("ids", otherAgents)
                        .executeUpdate(), lock + ": bulk delete of another tenant's agents");
                for (UUID id : otherAgents.subList(0, Math.min(2, otherAgents.size()))) {
                    assertEquals(0, em.createQuery("delete from Agent where id = :bId").setParameter("bId", id)
                            .executeUpdate());
                    assertEquals(0, em.createQuery("update Agent set name = 'x' where id = :bId").setParameter("bId", id)
                            .executeUpdate());
                }
                assertEquals(0, em.createQuery("update Department set name = 'x' where id in :ids")
                        .setParameter("ids", otherDepartments).executeUpdate());
            }
        });

        // an unrestricted bulk update, committed: it renames exactly A's agents
        String renamed = "renamed " + a.tenant();
        int touched = harness.inTenant(a.tenant(), em ->
                em.createQuery("update Agent set name = :n").setParameter("n", renamed).executeUpdate());
        assertEquals(a.agents().size(), touched, lock + ": update Agent set name touched only A's rows");
        harness.runInTenant(a.tenant(), em -> assertTrue(new JpaAgentRepository(em).findAll().stream()
                .allMatch(x -> x.name().equals(renamed))));
    }

    private static void throughSql(Stored a, List<Stored> others) throws SQLException {
        try (Connection c = app.getConnection()) {
            c.setAutoCommit(false);
            setTenant(c, a.tenant());
            for (Stored b : others) {
                Array agents = c.createArrayOf("uuid", b.agents().toArray());
                Array departments = c.createArrayOf("uuid", b.departments().toArray());
                assertEquals(0, count(c, "select count(*) from agents where id = any(?)", agents));
                assertEquals(0, count(c, "select count(*) from agents where tenant_id = ?", b.tenant()));
                assertEquals(0, count(c, "select count(*) from departments where id = any(?)", departments));
                assertEquals(0, count(c, "select count(*) from tenants where id = ?", b.tenant()));
                assertEquals(0, update(c, "update agents set name = 'x' where id = any(?)", agents));
                assertEquals(0, update(c, "update agents set name = 'x' where tenant_id = ?", b.tenant()));
                assertEquals(0, update(c, "update departments set description = 'x' where id = any(?)", departments));
                assertEquals(0, update(c, "delete from agents where id = any(?)", agents));
                assertEquals(0, update(c, "delete from departments where tenant_id = ?", b.tenant()));
                assertRlsViolation(c, "insert into agents (tenant_id, name, email) values (?, 'Mallory', 'm@evil.example')",
                        b.tenant());
                assertRlsViolation(c, "insert into departments (tenant_id, name) values (?, 'Mallory')", b.tenant());
                // moving one's own rows to B is refused as well (WITH CHECK)
                assertRlsViolation(c, "update agents set tenant_id = ? where id = any(?)", b.tenant(),
                        c.createArrayOf("uuid", a.agents().toArray()));
            }
            assertEquals(a.agents().size(), count(c, "select count(*) from agents"));
            assertEquals(a.departments().size(), count(c, "select count(*) from departments"));
            c.commit();
        }
    }

    private static void withNoTenant(List<Stored> stored) throws SQLException {
        try (Connection c = app.getConnection()) {
            assertEquals(0, count(c, "select count(*) from agents"));
            assertEquals(0, count(c, "select count(*) from departments"));
            assertEquals(0, count(c, "select count(*) from tenants"));
            assertEquals(0, update(c, "update agents set name = 'x'"));
            assertEquals(0, update(c, "delete from departments"));
            c.setAutoCommit(false);
            for (Stored s : stored) {
                assertEquals(0, count(c, "select count(*) from agents where tenant_id = ?", s.tenant()));
                assertRlsViolation(c, "insert into agents (tenant_id, name, email) values (?, 'Nobody', 'n@x.example')", s.tenant());
                assertRlsViolation(c, "insert into departments (tenant_id, name) values (?, 'Nobody')", s.tenant());
            }
            c.commit();
        }
        Map<UUID, String> before = fingerprints(stored);
        assertEquals(List.of(), orm.withoutTenant(em -> new JpaAgentRepository(em).findAll()));
        assertEquals(List.of(), ormAlone.withoutTenant(em -> new JpaDepartmentRepository(em).findAll()),
                "the ORM alone, with no tenant, sees nothing either (nil tenant)");
        assertEquals(0, (int) ormAlone.withoutTenant(em -> em.createQuery("update Agent set name = 'x'").executeUpdate()));
        Stored any = stored.get(0);
        assertNull(ormAlone.withoutTenant(em -> em.find(Agent.class, any.agents().get(0))));
        assertFalse(TenantContext.current().isPresent());
        assertEquals(before, fingerprints(stored));
    }

    @Test
    void persistingWithNoTenantIsRefused() throws SQLException {
        long before;
        try (Connection c = superuser.getConnection()) {
            before = count(c, "select count(*) from departments");
        }
        // Hibernate stamps the nil tenant, which no policy (and no registry row) admits
        RuntimeException e = assertThrows(RuntimeException.class, () -> orm.withoutTenant(em -> {
            em.persist(new Department("Orphans", null, null, false));
            em.flush();
            return null;
        }));
        assertTrue(causes(e).contains("row-level security"), causes(e));
        try (Connection c = superuser.getConnection()) {
            assertEquals(before, count(c, "select count(*) from departments"));
        }
    }

    private static String causes(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable x = t; x != null; x = x.getCause()) {
            b.append(x.getMessage()).append(" / ");
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- helpers

    /** Per tenant, as the superuser: row counts and a digest of every row of departments and agents. */
    private static Map<UUID, String> fingerprints(List<Stored> tenants) throws SQLException {
        Map<UUID, String> out = new LinkedHashMap<>();
        try (Connection c = superuser.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select (select count(*) || ':' || coalesce(md5(string_agg(d::text, ',' order by d.id)), '')
                             from departments d where d.tenant_id = ?)
                            || ' ' ||
                            (select count(*) || ':' || coalesce(md5(string_agg(a::text, ',' order by a.id)), '')
                             from agents a where a.tenant_id = ?)""")) {
            for (Stored t : tenants) {
                ps.setObject(1, t.tenant());
                ps.setObject(2, t.tenant());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.put(t.tenant(), rs.getString(1));
                    assertTrue(rs.getString(1).startsWith(t.departments().size() + ":"), rs.getString(1));
                }
            }
        }
        return out;
    }

    private static void assertRlsViolation(Connection c, String sql, Object... args) throws SQLException {
        Savepoint sp = c.setSavepoint();
        SQLException e = assertThrows(SQLException.class, () -> update(c, sql, args), sql);
        assertEquals(RLS_VIOLATION, e.getSQLState(), sql + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("row-level security"), e.getMessage());
        c.rollback(sp);
    }

    private static void setTenant(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('app.current_tenant', ?, true)")) {
            ps.setString(1, tenant.toString());
            ps.executeQuery().close();
        }
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }
}
