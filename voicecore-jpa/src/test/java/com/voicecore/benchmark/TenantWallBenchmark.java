package com.voicecore.benchmark;

import com.voicecore.domain.model.knowledge.KnowledgeEntry;
import com.voicecore.infrastructure.tenancy.TenantContext;
import com.voicecore.testsupport.EmbeddedDatabase;
import com.voicecore.testsupport.OrmHarness;
import com.voicecore.testsupport.PooledDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * What the tenant wall costs: the same read/write mix on {@code knowledge_base} (100 tenants x 10,000 rows), run
 * <ul>
 *   <li>(a) WITH the wall: runtime role {@code voicecore_app}, {@code set_config('app.current_tenant', id, true)}
 *       as the first statement of every transaction, RLS forced; ORM with {@code @TenantId}, JDBC with no tenant
 *       predicate of its own (the policy adds it);</li>
 *   <li>(b) WITHOUT: the owner {@code voicecore_owner} with the table switched to NO FORCE ROW LEVEL SECURITY for
 *       the run (the owner then bypasses RLS), no {@code set_config}; JDBC with an explicit
 *       {@code tenant_id = ?}; the ORM keeps Hibernate's {@code @TenantId} predicate (it cannot be switched off),
 *       so its baseline removes RLS and {@code set_config} only.</li>
 * </ul>
 * through plain JDBC and through the real persistence unit (Hibernate standalone, {@link OrmHarness}), both over
 * a connection pool, alternating (a, b, a, b, a, b) and reporting medians. For the ORM a third configuration,
 * (a'), runs between them: the wall with {@code set_config} sent as a plain JDBC statement on the session's
 * connection (as the server's TenantTransactions does) instead of OrmHarness's Hibernate native query. A control,
 * (c), runs for both: (b) plus the {@code set_config} statement (owner, NO FORCE, explicit or Hibernate predicate),
 * which splits the wall's cost into the extra statement ((c) vs (b)) and the policy itself ((a) vs (c)). FORCE is
 * restored after every run without RLS and checked at the end.
 *
 * <p>Settings (system properties): {@code benchmark.tenants} (100), {@code benchmark.rowsPerTenant} (10000),
 * {@code benchmark.transactions} per measured run (10000), {@code benchmark.warmup} per API and configuration
 * (5000), {@code benchmark.runWarmup} before each run (1000), {@code benchmark.rounds} (5),
 * {@code benchmark.threads} (1), {@code benchmark.apis} ("jdbc,orm"), {@code benchmark.seed} (20240601),
 * {@code benchmark.maxLoad} (0.6), {@code benchmark.maxLoadWaitSeconds} (600), {@code benchmark.work.dir}.
 */
public final class TenantWallBenchmark {

    enum Op {
        GET_BY_ID("get by id"), PAGE_OF_20("page of 20"), UPDATE_ONE("update one"), INSERT_ONE("insert one");

        final String label;

        Op(String label) {
            this.label = label;
        }
    }

    enum Mode {
        WALL("(a) wall"),
        WALL_JDBC_SET("(a') wall, set_config as JDBC"),
        SET_CONFIG_ONLY("(c) set_config, no RLS"),
        BASELINE("(b) no wall");

        final String label;

        Mode(String label) {
            this.label = label;
        }

        /** The owner, with the table switched to NO FORCE: row-level security does not apply. */
        boolean owner() {
            return this == SET_CONFIG_ONLY || this == BASELINE;
        }
    }

    enum Api {
        JDBC(Mode.WALL, Mode.SET_CONFIG_ONLY, Mode.BASELINE),
        ORM(Mode.WALL, Mode.WALL_JDBC_SET, Mode.SET_CONFIG_ONLY, Mode.BASELINE);

        /** In the order they alternate within a round. */
        final List<Mode> modes;

        Api(Mode... modes) {
            this.modes = List.of(modes);
        }
    }

    private static final String TABLE = "knowledge_base";
    private static final String COLUMNS = "id, tenant_id, question, answer, category, language, priority, active,"
            + " created_at, updated_at";
    private static final String SET_TENANT = "select set_config('app.current_tenant', ?, true)";

    /** JDBC statements with the wall: no tenant predicate, the RLS policy supplies it. */
    private static final String WALL_GET = "select " + COLUMNS + " from knowledge_base where id = ?";
    private static final String WALL_PAGE = "select " + COLUMNS + " from knowledge_base where active = true"
            + " order by priority desc, id limit 20 offset ?";
    private static final String WALL_UPDATE = "update knowledge_base set answer = ?, updated_at = now() where id = ?";
    /** Without: the application's own tenant predicate, as code would have to write it with no RLS. */
    private static final String BASE_GET = "select " + COLUMNS + " from knowledge_base where id = ? and tenant_id = ?";
    private static final String BASE_PAGE = "select " + COLUMNS + " from knowledge_base where tenant_id = ?"
            + " and active = true order by priority desc, id limit 20 offset ?";
    private static final String BASE_UPDATE = "update knowledge_base set answer = ?, updated_at = now()"
            + " where id = ? and tenant_id = ?";
    /** Both: an insert names its tenant (the column is not null); with the wall, WITH CHECK verifies it. */
    private static final String INSERT = "insert into knowledge_base (id, tenant_id, question, answer, category,"
            + " language, priority) values (?, ?, ?, ?, ?, ?, ?)";

    private static final String[] CATEGORIES = {"hours", "billing", "location", "appointments", "insurance", "general"};
    private static final String[] TOPICS = {"opening hours", "parking", "invoices", "insurance claims", "x-rays",
            "cancellations", "new patients", "emergencies", "payment plans", "referrals"};

    // settings
    private final int tenants = Integer.getInteger("benchmark.tenants", 100);
    private final int rowsPerTenant = Integer.getInteger("benchmark.rowsPerTenant", 10_000);
    private final int transactions = Integer.getInteger("benchmark.transactions", 10_000);
    private final int warmup = Integer.getInteger("benchmark.warmup", 5_000);
    private final int runWarmup = Integer.getInteger("benchmark.runWarmup", 1_000);
    private final int rounds = Integer.getInteger("benchmark.rounds", 5);
    private final int threads = Integer.getInteger("benchmark.threads", 1);
    /**
     * Statements per transaction, all for one tenant. 1 is the worst case for the wall (its context
     * statement is paid once per transaction); VoiceCore's own use cases run 3 to 5 (creating an agent:
     * department look-up, extension check, e-mail check, insert).
     */
    private final int opsPerTransaction = Math.max(1, Integer.getInteger("benchmark.opsPerTransaction", 1));
    private final long seed = Long.getLong("benchmark.seed", 20240601L);
    /** Pages 1 to 5 (offsets 0 to 80) with the default data; fewer with a small data set, so pages stay full. */
    private final int pages = Math.max(1, Math.min(5, rowsPerTenant / 200));
    private final List<Api> apis = Arrays.stream(System.getProperty("benchmark.apis", "jdbc,orm").split(","))
            .map(s -> Api.valueOf(s.trim().toUpperCase(Locale.ROOT))).toList();
    private final Path workDir = Path.of(System.getProperty("benchmark.work.dir", "target/benchmark"), "tenant-wall");

    // the data set: tenant ids, and every loaded row's id and tenant (for ids chosen across tenants)
    private UUID[] tenantIds;
    private long[] rowMsb;
    private long[] rowLsb;
    private int[] rowTenant;

    private EmbeddedDatabase db;
    private PooledDataSource appPool;
    private PooledDataSource ownerPool;
    private OrmHarness ormApp;
    private OrmHarness ormOwner;

    private final List<RunResult> results = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new TenantWallBenchmark().run();
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        String loadAtStart = BenchmarkEnvironment.awaitQuietMachine(
                Double.parseDouble(System.getProperty("benchmark.maxLoad", "0.6")),
                Integer.getInteger("benchmark.maxLoadWaitSeconds", 600));
        log("tenant-wall: load average at start " + loadAtStart);
        db = EmbeddedDatabase.start(workDir.resolve("postgres"), 0, false).migrate();
        try {
            long t0 = System.nanoTime();
            loadData();
            log(String.format("loaded %d tenants x %d rows in %.1f s", tenants, rowsPerTenant, secondsSince(t0)));

            // the runtime role as a tenant request has it (no platform key in the session)
            appPool = new PooledDataSource(db.appDataSourceWithoutPlatformKey(), threads + 1);
            ownerPool = new PooledDataSource(db.ownerDataSource(), threads + 1);
            ormApp = new OrmHarness(appPool);
            ormOwner = new OrmHarness(ownerPool);
            List<String> sanity = checkTheWall();
            String loadAtMeasurement = BenchmarkEnvironment.loadAverageText();

            for (Api api : apis) {
                for (Mode mode : api.modes) {
                    inMode(mode, () -> execute(api, mode, workload(warmup * opsPerTransaction, seed - 1 - mode.ordinal())));
                }
                log(api + ": warmed up");
                for (int round = 1; round <= rounds; round++) {
                    Workload w = workload(transactions * opsPerTransaction, seed + round);
                    for (Mode mode : api.modes) {
                        int r = round;
                        inMode(mode, () -> {
                            // fresh server processes for every run, so that no configuration keeps a lucky (or
                            // unlucky) placement of its backend for all its runs; the warm-up opens them
                            appPool.close();
                            ownerPool.close();
                            execute(api, mode, workload(runWarmup * opsPerTransaction, seed + 1000 + r));
                            String load = BenchmarkEnvironment.loadAverageText();
                            RunResult result = execute(api, mode, w);
                            result.round = r;
                            result.load = load;
                            results.add(result);
                            log(String.format("%s %s round %d: %,.0f tx/s (load %s)", api, mode.label, r,
                                    result.throughput(), load));
                        });
                    }
                }
            }
            String report = report(loadAtStart, loadAtMeasurement, sanity, secondsSince(started));
            Files.createDirectories(workDir);
            Path out = workDir.resolve("tenant-wall-results.md");
            Files.writeString(out, report);
            System.out.println();
            System.out.println(report);
            log("written to " + out.toAbsolutePath());
        } finally {
            try {
                setForce(true);
                log("FORCE ROW LEVEL SECURITY on knowledge_base restored: " + isForced());
            } finally {
                closeQuietly(ormApp);
                closeQuietly(ormOwner);
                closeQuietly(appPool);
                closeQuietly(ownerPool);
                db.close();
            }
        }
    }

    // ---------------------------------------------------------------- data

    /** Tenants through the platform path; rows with COPY as the superuser (who is not subject to RLS). */
    private void loadData() throws SQLException {
        tenantIds = new UUID[tenants];
        int rows = tenants * rowsPerTenant;
        rowMsb = new long[rows];
        rowLsb = new long[rows];
        rowTenant = new int[rows];
        SplittableRandom random = new SplittableRandom(seed);
        try (Connection c = db.superuserDataSource().getConnection()) {
            // the platform path wants the platform key in the transaction, as the server's PlatformGateway gives it
            c.setAutoCommit(false);
            try (PreparedStatement key = c.prepareStatement("select set_config('app.platform_key', ?, true)");
                 PreparedStatement ps = c.prepareStatement("select platform.create_tenant(?, null)")) {
                for (int t = 0; t < tenants; t++) {
                    key.setString(1, db.platformKey());
                    key.executeQuery().close();
                    ps.setString(1, String.format("Benchmark Clinic %03d", t));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        tenantIds[t] = (UUID) rs.getObject(1);
                    }
                    c.commit();
                }
            }
            c.setAutoCommit(true);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            int row = 0;
            for (int t = 0; t < tenants; t++) {
                StringBuilder sb = new StringBuilder(rowsPerTenant * 260);
                for (int i = 0; i < rowsPerTenant; i++, row++) {
                    UUID id = randomUuid(random);
                    rowMsb[row] = id.getMostSignificantBits();
                    rowLsb[row] = id.getLeastSignificantBits();
                    rowTenant[row] = t;
                    String topic = TOPICS[random.nextInt(TOPICS.length)];
                    sb.append(id).append('\t').append(tenantIds[t]).append('\t')
                            .append("Question ").append(i).append(": what should I know about ").append(topic)
                            .append(" at clinic ").append(t).append('?').append('\t')
                            .append("Answer ").append(i).append(": our front desk handles ").append(topic)
                            .append(" Monday to Friday from 9 am to 5 pm; call us or write to the clinic for details.")
                            .append('\t').append(CATEGORIES[random.nextInt(CATEGORIES.length)])
                            .append('\t').append(random.nextInt(5) == 0 ? "es" : "en")
                            .append('\t').append(random.nextInt(100))
                            .append('\t').append(random.nextInt(20) == 0 ? 'f' : 't').append('\n');
                }
                try {
                    copy.copyIn("copy knowledge_base (id, tenant_id, question, answer, category, language, priority,"
                            + " active) from stdin", new StringReader(sb.toString()));
                } catch (IOException e) {
                    throw new SQLException(e);
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("vacuum (analyze) knowledge_base");
                st.execute("checkpoint");
            }
        }
    }

    private static UUID randomUuid(SplittableRandom random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;                 // version 4
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb);
    }

    private UUID rowId(int row) {
        return new UUID(rowMsb[row], rowLsb[row]);
    }

    /** Proves each configuration is what it claims before anything is measured. */
    private List<String> checkTheWall() throws SQLException {
        List<String> facts = new ArrayList<>();
        UUID t0 = tenantIds[0];
        try (Connection c = appPool.getConnection()) {
            facts.add("app role, no set_config: " + count(c, null) + " rows visible");
            c.setAutoCommit(false);
            setTenant(c, t0);
            facts.add("app role, set_config(tenant 0): " + count(c, null) + " rows visible");
            c.commit();
        }
        try (Connection c = ownerPool.getConnection()) {
            facts.add("owner, FORCE on: " + count(c, null) + " rows visible");
        }
        setForce(false);
        try (Connection c = ownerPool.getConnection()) {
            facts.add("owner, NO FORCE: " + count(c, null) + " rows visible (RLS bypassed), "
                    + count(c, t0) + " with tenant_id = tenant 0");
        } finally {
            setForce(true);
        }
        long expected = rowsPerTenant;
        if (!facts.get(0).startsWith("app role, no set_config: 0 ")
                || !facts.get(1).contains(": " + expected + " rows")
                || !facts.get(2).startsWith("owner, FORCE on: 0 ")) {
            throw new IllegalStateException("The wall is not what the benchmark expects: " + facts);
        }
        facts.forEach(f -> log("check: " + f));
        return facts;
    }

    private static long count(Connection c, UUID tenant) throws SQLException {
        String sql = "select count(*) from knowledge_base" + (tenant == null ? "" : " where tenant_id = ?");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (tenant != null) {
                ps.setObject(1, tenant);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---------------------------------------------------------------- modes

    private interface Body {
        void run() throws Exception;
    }

    /** (b) and (c) run with the table switched to NO FORCE, and FORCE comes back whatever happens. */
    private void inMode(Mode mode, Body body) throws Exception {
        if (mode.owner()) {
            setForce(false);
        }
        try {
            body.run();
        } finally {
            if (mode.owner()) {
                setForce(true);
            }
        }
    }

    private void setForce(boolean force) throws SQLException {
        try (Connection c = db.ownerDataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("alter table " + TABLE + (force ? " force" : " no force") + " row level security");
        }
    }

    private boolean isForced() throws SQLException {
        try (Connection c = db.superuserDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select relforcerowsecurity from pg_class where oid = 'public."
                     + TABLE + "'::regclass")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    // ---------------------------------------------------------------- workload

    /** The same sequence of transactions for (a) and (b) of a round: op, tenant, row, page offset. */
    private static final class Workload {
        final Op[] op;
        final int[] tenant;
        final int[] row;
        final int[] offset;

        Workload(int n) {
            op = new Op[n];
            tenant = new int[n];
            row = new int[n];
            offset = new int[n];
        }

        int size() {
            return op.length;
        }
    }

    /** 80 % reads (40 get by id, 40 page of 20), 20 % writes (10 update, 10 insert); rows across all tenants. */
    private Workload workload(int n, long workloadSeed) {
        SplittableRandom random = new SplittableRandom(workloadSeed);
        Workload w = new Workload(n);
        for (int i = 0; i < n; i++) {
            int p = random.nextInt(100);
            Op op = p < 40 ? Op.GET_BY_ID : p < 80 ? Op.PAGE_OF_20 : p < 90 ? Op.UPDATE_ONE : Op.INSERT_ONE;
            w.op[i] = op;
            // every statement of a transaction is for the transaction's tenant
            w.tenant[i] = i % opsPerTransaction == 0 ? random.nextInt(tenants) : w.tenant[i - 1];
            if (op == Op.GET_BY_ID || op == Op.UPDATE_ONE) {
                w.row[i] = w.tenant[i] * rowsPerTenant + random.nextInt(rowsPerTenant);
            } else {
                w.row[i] = -1;
            }
            w.offset[i] = random.nextInt(pages) * 20;
        }
        return w;
    }

    private static final class RunResult {
        final Api api;
        final Mode mode;
        final long wallNanos;
        final Map<Op, long[]> latencies;
        final int transactions;
        int round;
        String load;

        RunResult(Api api, Mode mode, long wallNanos, Map<Op, long[]> latencies, int transactions) {
            this.api = api;
            this.mode = mode;
            this.wallNanos = wallNanos;
            this.latencies = latencies;
            this.transactions = transactions;
        }

        double throughput() {
            return transactions / (wallNanos / 1e9);
        }

        /** Percentile in microseconds (nearest rank). */
        double percentile(Op op, double p) {
            long[] sorted = latencies.get(op);
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
        }

        double mean(Op op) {
            return Arrays.stream(latencies.get(op)).average().orElse(Double.NaN) / 1000.0;
        }
    }

    private RunResult execute(Api api, Mode mode, Workload w) throws Exception {
        long[] latency = new long[w.size()];
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread worker = new Thread(() -> {
                try {
                    go.await();
                    int counter = 0;
                    int groups = w.size() / opsPerTransaction;
                    for (int g = first; g < groups && failure.get() == null; g += threads) {
                        long s = System.nanoTime();
                        transaction(api, mode, w, g, counter++);
                        // per statement: the transaction's time shared evenly (exact when one per transaction)
                        long each = (System.nanoTime() - s) / opsPerTransaction;
                        for (int i = g * opsPerTransaction; i < (g + 1) * opsPerTransaction; i++) {
                            latency[i] = each;
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "benchmark-" + t);
            workers.add(worker);
            worker.start();
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        long wall = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException(api + " " + mode.label + " failed: " + failure.get(), failure.get());
        }
        Map<Op, long[]> byOp = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            byOp.put(op, IntStream.range(0, w.size()).filter(i -> w.op[i] == op)
                    .mapToLong(i -> latency[i]).sorted().toArray());
        }
        return new RunResult(api, mode, wall, byOp, w.size() / opsPerTransaction);
    }

    private void transaction(Api api, Mode mode, Workload w, int g, int counter) throws Exception {
        int first = g * opsPerTransaction;
        UUID tenant = tenantIds[w.tenant[first]];
        String text = "Revised answer " + counter + ": please call the clinic during opening hours.";
        if (api == Api.JDBC) {
            jdbc(mode, w, first, tenant, text);
        } else {
            orm(mode, w, first, tenant, text);
        }
    }

    // ---------------------------------------------------------------- plain JDBC

    private void jdbc(Mode mode, Workload w, int first, UUID tenant, String text) throws SQLException {
        boolean wall = !mode.owner();
        try (Connection c = (wall ? appPool : ownerPool).getConnection()) {
            c.setAutoCommit(false);
            try {
                if (mode != Mode.BASELINE) {
                    setTenant(c, tenant);
                }
                for (int i = first; i < first + opsPerTransaction; i++) {
                    statement(c, wall, w.op[i], tenant, w.row[i] >= 0 ? rowId(w.row[i]) : null, w.offset[i], text);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void statement(Connection c, boolean wall, Op op, UUID tenant, UUID row, int offset, String text)
            throws SQLException {
        String sql = switch (op) {
            case GET_BY_ID -> wall ? WALL_GET : BASE_GET;
            case PAGE_OF_20 -> wall ? WALL_PAGE : BASE_PAGE;
            case UPDATE_ONE -> wall ? WALL_UPDATE : BASE_UPDATE;
            case INSERT_ONE -> INSERT;
        };
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            switch (op) {
                case GET_BY_ID -> {
                    ps.setObject(p++, row);
                    if (!wall) {
                        ps.setObject(p, tenant);
                    }
                }
                case PAGE_OF_20 -> {
                    if (!wall) {
                        ps.setObject(p++, tenant);
                    }
                    ps.setInt(p, offset);
                }
                case UPDATE_ONE -> {
                    ps.setString(p++, text);
                    ps.setObject(p++, row);
                    if (!wall) {
                        ps.setObject(p, tenant);
                    }
                }
                case INSERT_ONE -> {
                    ps.setObject(p++, UUID.randomUUID());
                    ps.setObject(p++, tenant);
                    ps.setString(p++, "How do I book a check-up? (" + text.length() + ")");
                    ps.setString(p++, text);
                    ps.setString(p++, "appointments");
                    ps.setString(p++, "en");
                    ps.setInt(p, 50);
                }
                default -> throw new IllegalStateException();
            }
            boolean read = op == Op.GET_BY_ID || op == Op.PAGE_OF_20;
            int n = read ? readRows(ps.executeQuery()) : ps.executeUpdate();
            expect(n, op == Op.PAGE_OF_20 ? 20 : 1, op);
        }
    }

    private static void setTenant(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SET_TENANT)) {
            ps.setString(1, tenant.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }

    /** Reads every column of every row, as a mapper would. */
    private static int readRows(ResultSet result) throws SQLException {
        int n = 0;
        try (ResultSet rs = result) {
            while (rs.next()) {
                rs.getObject(1);
                rs.getObject(2);
                rs.getString(3);
                rs.getString(4);
                rs.getString(5);
                rs.getString(6);
                rs.getInt(7);
                rs.getBoolean(8);
                rs.getObject(9, OffsetDateTime.class);
                rs.getObject(10, OffsetDateTime.class);
                n++;
            }
        }
        return n;
    }

    private static void expect(int actual, int expected, Op op) {
        if (actual != expected) {
            throw new IllegalStateException(op.label + ": expected " + expected + " rows, got " + actual);
        }
    }

    // ---------------------------------------------------------------- ORM

    private void orm(Mode mode, Workload w, int first, UUID tenant, String text) {
        Function<EntityManager, Object> work = em -> {
            Object last = null;
            for (int i = first; i < first + opsPerTransaction; i++) {
                last = ormStatement(em, w.op[i], w.row[i] >= 0 ? rowId(w.row[i]) : null, w.offset[i], text);
            }
            return last;
        };
        ormTransaction(mode, tenant, work);
    }

    private static Object ormStatement(EntityManager em, Op op, UUID row, int offset, String text) {
        switch (op) {
            case GET_BY_ID -> {
                KnowledgeEntry e = em.find(KnowledgeEntry.class, row);
                if (e == null) {
                    throw new IllegalStateException(op.label + ": row not found");
                }
                return e.question();
            }
            case PAGE_OF_20 -> {
                List<KnowledgeEntry> page = em.createNamedQuery("KnowledgeEntry.findActive", KnowledgeEntry.class)
                        .setFirstResult(offset).setMaxResults(20).getResultList();
                expect(page.size(), 20, op);
                return page;
            }
            case UPDATE_ONE -> {
                KnowledgeEntry e = em.find(KnowledgeEntry.class, row);
                if (e == null) {
                    throw new IllegalStateException(op.label + ": row not found");
                }
                e.revise(e.question(), text);
                return e;
            }
            case INSERT_ONE -> {
                KnowledgeEntry e = new KnowledgeEntry("How do I book a check-up? (" + text.length() + ")", text,
                        "appointments", "en", 50);
                em.persist(e);
                return e;
            }
            default -> throw new IllegalStateException();
        }
    }

    private void ormTransaction(Mode mode, UUID tenant, Function<EntityManager, Object> work) {
        switch (mode) {
            // the test harness's unit of work: context, session, set_config (a Hibernate native query) first
            case WALL -> ormApp.inTenant(tenant, work);
            // the same, with set_config sent as a plain JDBC statement on the session's connection, as the
            // server's TenantTransactions does
            case WALL_JDBC_SET -> inTenant(ormApp.emf(), tenant, true, work);
            // control: the owner without RLS, with the set_config statement all the same
            case SET_CONFIG_ONLY -> inTenant(ormOwner.emf(), tenant, true, work);
            case BASELINE -> inTenant(ormOwner.emf(), tenant, false, work);
            default -> throw new IllegalStateException();
        }
    }

    /**
     * OrmHarness.inTenant's unit of work, with {@code set_config} as plain JDBC through {@code Session.doWork}
     * ({@code setTenant}) or without it ({@code !setTenant}: the baseline). The tenant context is set either way,
     * so Hibernate's {@code @TenantId} predicate and insert stamping stay (they cannot be switched off).
     */
    private static void inTenant(EntityManagerFactory emf, UUID tenant, boolean setTenant,
                                 Function<EntityManager, Object> work) {
        TenantContext.set(tenant);
        try {
            EntityManager em = emf.createEntityManager();
            EntityTransaction tx = em.getTransaction();
            try {
                tx.begin();
                if (setTenant) {
                    em.unwrap(Session.class).doWork(c -> setTenant(c, tenant));
                }
                work.apply(em);
                if (tx.getRollbackOnly()) {
                    tx.rollback();
                } else {
                    tx.commit();
                }
            } catch (RuntimeException | Error e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            } finally {
                em.close();
            }
        } finally {
            TenantContext.clear();
        }
    }

    // ---------------------------------------------------------------- report

    private String report(String loadAtStart, String loadAtMeasurement, List<String> sanity, double totalSeconds)
            throws SQLException {
        StringBuilder r = new StringBuilder();
        r.append("## Tenant-wall cost: results\n\n");
        r.append("- date: ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append('\n');
        BenchmarkEnvironment.machine().forEach(m -> r.append("- ").append(m).append('\n'));
        r.append("- PostgreSQL: ").append(serverFacts()).append('\n');
        r.append("- statements per transaction: ").append(opsPerTransaction)
                .append(opsPerTransaction == 1 ? " (the worst case for the wall's per-transaction context statement)" : "")
                .append('\n');
        r.append("- load average (1, 5, 15 min): at start ").append(loadAtStart).append("; when measuring began ")
                .append(loadAtMeasurement).append('\n');
        r.append(String.format("- data: %d tenants x %,d rows in knowledge_base; %,d measured transactions per run"
                        + " (+%,d warm-up each run, %,d per API and configuration first), %d client thread(s),"
                        + " %d rounds, each running the configurations in the order listed below; pool of %d"
                        + " connections per role, reopened before every run (not measured)%n",
                tenants, rowsPerTenant, transactions, runWarmup, warmup, threads, rounds, threads + 1));
        r.append(String.format("- mix: 40 %% get by id, 40 %% page of 20 (offset 0-%d, ordered by priority desc, id),"
                + " 10 %% update one row, 10 %% insert one row; one tenant per transaction; ids and tenants drawn at"
                + " random across all tenants, the same sequence for every configuration of a round%n", (pages - 1) * 20));
        r.append("- checks: ").append(String.join("; ", sanity)).append('\n');
        r.append(String.format("- whole run: %.0f s%n%n", totalSeconds));

        r.append("### Throughput (transactions/s; runs in order, then median)\n\n");
        r.append("| API | configuration | runs | median | overhead vs (b) |\n|---|---|---|---:|---:|\n");
        for (Api api : apis) {
            double mb = median(series(api, Mode.BASELINE, RunResult::throughput));
            for (Mode mode : api.modes) {
                double[] runs = series(api, mode, RunResult::throughput);
                double m = median(runs);
                r.append(String.format("| %s | %s | %s | %,.0f | %s |%n", api, mode.label, join(runs), m,
                        mode == Mode.BASELINE ? "" : String.format("**%+.1f %%**", (mb / m - 1) * 100)));
            }
        }
        r.append("\nOverhead = extra time per transaction = (b) throughput / (a) throughput - 1.\n\n");

        r.append("### Latency per operation (µs; median over the runs of each percentile; Δ vs (b))\n\n");
        r.append("| API | operation | configuration | n/run | p50 | p95 | p99 | mean |\n");
        r.append("|---|---|---|---:|---:|---:|---:|---:|\n");
        for (Api api : apis) {
            for (Op op : Op.values()) {
                int n = results.stream().filter(x -> x.api == api).findFirst().map(x -> x.latencies.get(op).length)
                        .orElse(0);
                for (Mode mode : api.modes) {
                    r.append("| ").append(api).append(" | ").append(op.label).append(" | ").append(mode.label)
                            .append(" | ").append(n);
                    for (double p : new double[] {50, 95, 99, -1}) {
                        ToDoubleFunction<RunResult> metric =
                                p < 0 ? x -> x.mean(op) : x -> x.percentile(op, p);
                        double v = median(series(api, mode, metric));
                        double b = median(series(api, Mode.BASELINE, metric));
                        r.append(mode == Mode.BASELINE ? String.format(" | %.0f", v)
                                : String.format(" | %.0f (%+.0f %%)", v, (v / b - 1) * 100));
                    }
                    r.append(" |\n");
                }
            }
        }
        r.append("\n### Every run\n\n| API | config | round | tx/s | load (1, 5, 15) |\n|---|---|---:|---:|---|\n");
        for (RunResult x : results) {
            r.append(String.format("| %s | %s | %d | %,.0f | %s |%n", x.api, x.mode.label, x.round, x.throughput(), x.load));
        }
        return r.toString();
    }

    private String serverFacts() throws SQLException {
        try (Connection c = db.superuserDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_setting('server_version'), current_setting('shared_buffers'),"
                     + " current_setting('fsync'), current_setting('synchronous_commit'),"
                     + " pg_size_pretty(pg_total_relation_size('knowledge_base'))")) {
            rs.next();
            return String.format("%s embedded (zonky), shared_buffers %s, fsync %s, synchronous_commit %s;"
                    + " knowledge_base with indexes %s", rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5));
        }
    }

    private double[] series(Api api, Mode mode, ToDoubleFunction<RunResult> metric) {
        return results.stream().filter(x -> x.api == api && x.mode == mode).mapToDouble(metric).toArray();
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String join(double[] values) {
        return String.join(", ", Arrays.stream(values).mapToObj(v -> String.format("%,.0f", v)).toList());
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort at the end of a run
            }
        }
    }

    private static void log(String line) {
        BenchmarkEnvironment.log(line);
    }
}
