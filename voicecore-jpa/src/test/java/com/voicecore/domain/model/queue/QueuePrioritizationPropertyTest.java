package com.voicecore.domain.model.queue;

import com.voicecore.infrastructure.persistence.jpa.JpaQueueRepository;
import com.voicecore.testsupport.EmbeddedDatabase;
import com.voicecore.testsupport.OrmHarness;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Queue order over the real schema: the dequeue (SQL, {@code FOR UPDATE SKIP LOCKED}) hands out callers
 * in exactly the domain's order — priority (VIP, repeat caller, rising with the wait), then longest
 * wait — for random arrival orders and priorities; and two "nodes" dequeuing at once take every caller
 * exactly once.
 */
class QueuePrioritizationPropertyTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final QueuePolicy POLICY = new QueuePolicy(10, 5, 30);

    /** Each department's one agent (the offers' target: the queue, not the agent, is under test). */
    private static final java.util.Map<UUID, UUID> AGENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static EmbeddedDatabase db;
    private static OrmHarness orm;

    record Caller(int arrivedSecondsAgo, boolean vip, boolean repeat) {
    }

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.start(Path.of(System.getProperty("voicecore.work.dir", "target/voicecore-work"),
                "queue-prioritization-test"), 0, false).migrate();
        orm = new OrmHarness(db.appDataSource());
    }

    @AfterAll
    static void stop() {
        if (orm != null) {
            orm.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @DisplayName("Property 18: Call Queue Prioritization")
    void dequeueFollowsPriorityThenWaitingTime() throws Exception {
        UUID tenant = createTenant("Queue order");
        Gen<Caller> caller = integers().between(0, 900).zip(booleans().all(), booleans().all(), Caller::new);
        qt().withExamples(100).withShrinkCycles(20)
                .forAll(lists().of(caller).ofSizeBetween(1, 10))
                .checkAssert(callers -> {
                    UUID department = department(tenant);
                    List<QueueEntry> entered = enqueue(tenant, department, callers);

                    List<UUID> dequeued = new ArrayList<>();
                    Optional<UUID> next;
                    while ((next = takeNext(tenant, department, NOW)).isPresent()) {
                        dequeued.add(next.get());
                    }

                    List<QueueEntry> expected = new ArrayList<>(entered);
                    expected.sort(QueueOrder.at(NOW, POLICY));
                    assertEquals(expected.stream().map(QueueEntry::id).toList(), dequeued,
                            "the database dequeues in the domain's order");
                    // the order itself, stated without the comparator: nobody is served before someone
                    // of higher priority, and among equals the longer wait goes first
                    for (int i = 0; i < expected.size(); i++) {
                        for (int j = i + 1; j < expected.size(); j++) {
                            QueueEntry first = expected.get(i);
                            QueueEntry later = expected.get(j);
                            long p1 = first.priority(NOW, POLICY);
                            long p2 = later.priority(NOW, POLICY);
                            assertTrue(p1 > p2 || (p1 == p2 && !first.enqueuedAt().isAfter(later.enqueuedAt())));
                        }
                    }
                });
    }

    @Test
    void priorityRisesWithTheWaitSoALongWaiterOvertakesAVipWhoJustArrived() throws Exception {
        UUID tenant = createTenant("Aging");
        UUID department = department(tenant);
        // waited 330 s: 11 aging points beat a VIP's 10 points who arrived just now
        List<QueueEntry> entries = enqueue(tenant, department, List.of(new Caller(0, true, false), new Caller(330, false, false)));
        assertEquals(entries.get(1).id(), takeNext(tenant, department, NOW).orElseThrow());
        // 200 s only: the VIP goes first
        UUID other = department(tenant);
        List<QueueEntry> second = enqueue(tenant, other, List.of(new Caller(0, true, false), new Caller(200, false, false)));
        assertEquals(second.get(0).id(), takeNext(tenant, other, NOW).orElseThrow());
    }

    @Test
    void twoNodesDequeuingAtOnceTakeEveryCallerExactlyOnce() throws Exception {
        UUID tenant = createTenant("Two nodes");
        UUID department = department(tenant);
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            callers.add(new Caller(i * 3 % 500, i % 7 == 0, i % 5 == 0));
        }
        Set<UUID> all = new HashSet<>(enqueue(tenant, department, callers).stream().map(QueueEntry::id).toList());
        ConcurrentLinkedQueue<UUID> taken = new ConcurrentLinkedQueue<>();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                done.add(nodes.submit(() -> {
                    go.await();
                    Optional<UUID> next;
                    while ((next = takeNext(tenant, department, NOW)).isPresent()) {
                        taken.add(next.get());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }
        List<UUID> takenList = new ArrayList<>(taken);
        assertEquals(all.size(), takenList.size(), "no caller offered twice");
        assertEquals(all, new HashSet<>(takenList), "no caller lost");
        assertEquals(0, Collections.frequency(takenList, null));
    }

    /** One dispatch as a node does it: lock the next waiting caller, offer it, commit. */
    private static Optional<UUID> takeNext(UUID tenant, UUID department, Instant now) {
        return orm.inTenant(tenant, em -> {
            JpaQueueRepository queue = new JpaQueueRepository(em);
            Optional<QueueEntry> next = queue.lockNextWaiting(department, now, POLICY);
            next.ifPresent(e -> {
                e.offerTo(AGENTS.get(department), now, Duration.ofSeconds(20));
                em.flush();
            });
            return next.map(QueueEntry::id);
        });
    }

    private static List<QueueEntry> enqueue(UUID tenant, UUID department, List<Caller> callers) {
        return orm.inTenant(tenant, em -> {
            List<QueueEntry> entries = new ArrayList<>();
            for (Caller c : callers) {
                UUID call = call(em, tenant, department);
                QueueEntry entry = new QueueEntry(department, call, "CA" + call.toString().replace("-", ""),
                        "+14155550100", POLICY.basePriority(c.repeat()), c.vip(), NOW.minusSeconds(c.arrivedSecondsAgo()));
                em.persist(entry);
                entries.add(entry);
            }
            em.flush();
            return entries;
        });
    }

    private static UUID call(EntityManager em, UUID tenant, UUID department) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into calls (id, tenant_id, twilio_call_sid, from_number, to_number, department_id, status)"
                        + " values (?1, ?2, ?3, '+14155550100', '+12125550100', ?4, 'queued')")
                .setParameter(1, id).setParameter(2, tenant).setParameter(3, "CA" + id.toString().replace("-", ""))
                .setParameter(4, department).executeUpdate();
        return id;
    }

    private static UUID department(UUID tenant) {
        return orm.inTenant(tenant, em -> {
            UUID id = UUID.randomUUID();
            em.createNativeQuery("insert into departments (id, tenant_id, name) values (?1, ?2, ?3)")
                    .setParameter(1, id).setParameter(2, tenant).setParameter(3, "Dept " + id).executeUpdate();
            UUID agent = UUID.randomUUID();
            em.createNativeQuery("insert into agents (id, tenant_id, department_id, name, email) values (?1, ?2, ?3, 'A', ?4)")
                    .setParameter(1, agent).setParameter(2, tenant).setParameter(3, id).setParameter(4, agent + "@example.com")
                    .executeUpdate();
            AGENTS.put(id, agent);
            return id;
        });
    }

    private static UUID createTenant(String name) throws Exception {
        try (Connection c = db.appDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select platform.create_tenant(?, null)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (UUID) rs.getObject(1);
            }
        }
    }
}
