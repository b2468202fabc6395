package com.voicecore.domain.model.knowledge;

import com.voicecore.domain.model.conversation.Outcome;
import com.voicecore.infrastructure.persistence.jpa.JpaKnowledgeRepository;
import com.voicecore.testsupport.EmbeddedDatabase;
import com.voicecore.testsupport.OrmHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * The knowledge base's search over the real schema (PostgreSQL full-text search per language, RLS):
 * a configured question–answer pair is found for related questions in other words, ranks first among
 * a realistic base with a few hundred other entries, stays in its language, and what calls taught
 * (resolved without a transfer) lifts an entry above an equally relevant one.
 */
class KnowledgeSearchPropertyTest {

    /** The receptionist's threshold (DefaultConversationService uses the same). */
    static final double MIN_RELEVANCE = KnowledgeMatch.MIN_RELEVANCE;

    private static final List<String> PREFIXES = List.of("", "Hi, ", "Hello, ", "Excuse me, ", "Um, ", "Good morning. ");
    private static final List<String> SUFFIXES = List.of("", "?", " please", ", thanks", " please?");

    private static EmbeddedDatabase db;
    private static OrmHarness orm;
    private static UUID tenant;
    private static UUID otherTenant;
    private static final List<UUID> ENTRY_IDS = new ArrayList<>();

    @BeforeAll
    static void start() throws SQLException {
        db = EmbeddedDatabase.start(Path.of(System.getProperty("voicecore.work.dir", "target/voicecore-work"),
                "knowledge-search-test"), 0, false).migrate();
        orm = new OrmHarness(db.appDataSource());
        tenant = createTenant("Search Dental " + UUID.randomUUID());
        otherTenant = createTenant("Other Dental " + UUID.randomUUID());
        orm.runInTenant(tenant, em -> {
            for (KnowledgeCatalog.Topic t : KnowledgeCatalog.TOPICS) {
                KnowledgeEntry e = new KnowledgeEntry(t.question(), t.answer(), "faq", t.language(), 10);
                e.rephrase(t.keywords());
                em.persist(e);
                ENTRY_IDS.add(e.id());
            }
            // a base of realistic size: other services with their own words
            String[] services = {"whitening", "implants", "braces", "crowns", "veneers", "fillings", "root canals", "dentures"};
            String[] aspects = {"How long do %s last?", "Are %s painful?", "Who performs %s?", "Do %s need a follow-up visit?"};
            for (int i = 0; i < 300; i++) {
                String service = services[i % services.length];
                em.persist(new KnowledgeEntry(String.format(aspects[i % aspects.length], service) + " (variant " + i + ")",
                        "Our dentist explains " + service + " at your visit, variant " + i + ".", "services", "en", i % 50));
            }
        });
        // the other tenant has the same questions with its own answers: never found for the first
        orm.runInTenant(otherTenant, em -> KnowledgeCatalog.TOPICS.forEach(t ->
                em.persist(new KnowledgeEntry(t.question(), "OTHER TENANT " + t.answer(), "faq", t.language(), 100))));
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

    private static UUID createTenant(String name) throws SQLException {
        try (Connection c = db.appDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select platform.create_tenant(?, null)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (UUID) rs.getObject(1);
            }
        }
    }

    private static List<KnowledgeMatch> search(UUID in, String words, String language) {
        return orm.inTenant(in, em -> new JpaKnowledgeRepository(em).search(words, language, 5, MIN_RELEVANCE));
    }

    record Asked(int topic, String words) {
    }

    private static Gen<Asked> relatedQuestions() {
        int topics = KnowledgeCatalog.TOPICS.size();
        return SourceDSL.integers().between(0, topics - 1).flatMap(t -> {
            List<String> askedAs = KnowledgeCatalog.TOPICS.get(t).askedAs();
            return SourceDSL.integers().between(0, askedAs.size() - 1)
                    .zip(SourceDSL.integers().between(0, PREFIXES.size() - 1), SourceDSL.integers().between(0, SUFFIXES.size() - 1),
                            SourceDSL.integers().between(0, 2),
                            (a, p, s, casing) -> {
                                String core = askedAs.get(a);
                                core = casing == 1 ? core.toUpperCase(Locale.ROOT) : casing == 2 ? core.toLowerCase(Locale.ROOT) : core;
                                boolean english = KnowledgeCatalog.TOPICS.get(t).language().equals("en");
                                return new Asked(t, (english ? PREFIXES.get(p) : "") + core + SUFFIXES.get(s).replace("please", english ? "please" : ""));
                            });
        });
    }

    @Test
    @DisplayName("Property 14: AI Training Integration")
    void aConfiguredAnswerIsFoundForRelatedQuestionsInOtherWords() {
        qt().withExamples(150).forAll(relatedQuestions()).checkAssert(asked -> {
            KnowledgeCatalog.Topic topic = KnowledgeCatalog.TOPICS.get(asked.topic());
            List<KnowledgeMatch> found = search(tenant, asked.words(), topic.language());
            assertFalse(found.isEmpty(), "nothing found for '" + asked.words() + "' (" + topic.question() + ")");
            assertEquals(ENTRY_IDS.get(asked.topic()), found.get(0).entryId(),
                    "'" + asked.words() + "' should find '" + topic.question() + "' first, found " + found);
            assertEquals(topic.answer(), found.get(0).answer());
            assertTrue(found.stream().allMatch(m -> m.language().equals(topic.language())), "only its language: " + found);
        });
    }

    @Test
    void unrelatedQuestionsFindNothing() {
        for (String words : KnowledgeCatalog.UNRELATED) {
            assertEquals(List.of(), search(tenant, words, "en"), words);
        }
        assertEquals(List.of(), search(tenant, "", "en"));
        assertEquals(List.of(), search(tenant, "the and of", "en"), "stop words alone match nothing");
    }

    @Test
    void aQuestionInAnotherLanguageIsNotAnsweredFromThisOne() {
        // the Spanish words find nothing among the English entries, and the English words nothing in German
        assertTrue(search(tenant, "a qué hora abren", "en").stream().noneMatch(m -> m.language().equals("es")));
        assertTrue(search(tenant, "what are your opening hours", "de").stream().allMatch(m -> m.language().equals("de")));
    }

    @Test
    void anotherTenantsEntriesAreNeverFound() {
        List<KnowledgeMatch> found = search(tenant, "when are you open", "en");
        assertFalse(found.isEmpty());
        assertTrue(found.stream().noneMatch(m -> m.answer().startsWith("OTHER TENANT")), found.toString());
        assertTrue(search(otherTenant, "when are you open", "en").stream().allMatch(m -> m.answer().startsWith("OTHER TENANT")));
    }

    @Test
    @DisplayName("Property 28: AI Learning Integration")
    void answersThatResolvedCallsRankAboveEquallyRelevantOnes() throws SQLException {
        UUID learning = createTenant("Learning Dental " + UUID.randomUUID());
        qt().withExamples(100).forAll(SourceDSL.integers().between(1, 30), SourceDSL.integers().between(0, 30),
                SourceDSL.integers().between(0, 100), SourceDSL.integers().between(1, 4)).checkAssert(
                (resolvedCalls, transferredCalls, priority, usesPerCall) -> {
            String marker = "zebra" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
            UUID[] ids = orm.inTenant(learning, em -> {
                // three entries the search cannot tell apart by text or priority; one never given
                KnowledgeEntry helped = new KnowledgeEntry("Do you offer " + marker + " checks?", "Yes, helpful answer.", null, "en", priority);
                KnowledgeEntry didNot = new KnowledgeEntry("Do you offer " + marker + " checks?", "Yes, unhelpful answer.", null, "en", priority);
                KnowledgeEntry untried = new KnowledgeEntry("Do you offer " + marker + " checks?", "Yes, untried answer.", null, "en", priority);
                em.persist(helped);
                em.persist(didNot);
                em.persist(untried);
                return new UUID[] {helped.id(), didNot.id(), untried.id()};
            });
            // calls as the receptionist records them: every answer turn, then the call's end
            for (int i = 0; i < resolvedCalls; i++) {
                call(learning, ids[0], usesPerCall, Outcome.RESOLVED);
            }
            for (int i = 0; i < transferredCalls; i++) {
                call(learning, ids[1], usesPerCall, Outcome.TRANSFERRED);
            }
            List<KnowledgeMatch> found = search(learning, marker, "en");
            assertEquals(3, found.size(), found.toString());
            assertEquals(ids[0], found.get(0).entryId(), "the answer that resolved " + resolvedCalls + " calls (given "
                    + usesPerCall + " times in each) ranks first: " + found);
            assertTrue(found.get(0).learnedRank() > found.get(1).learnedRank());
            KnowledgeEntry stored = orm.inTenant(learning, em -> em.find(KnowledgeEntry.class, ids[0]));
            assertEquals(resolvedCalls, stored.timesUsed(), "a use is counted once per call");
            assertEquals(resolvedCalls, stored.timesResolved());
            assertTrue(stored.lastUsedAt().isPresent());
        });
    }

    /** One call that gave {@code entry}'s answer {@code uses} times and ended with {@code outcome}. */
    private static void call(UUID tenant, UUID entry, int uses, Outcome outcome) {
        orm.runInTenant(tenant, em -> {
            JpaKnowledgeRepository repository = new JpaKnowledgeRepository(em);
            for (int u = 0; u < uses; u++) {
                repository.recordUse(entry, Instant.now());
            }
            repository.learn(List.of(entry), outcome);
        });
    }

    @Test
    void savingAnEditedEntryKeepsWhatCallsTaughtMeanwhile() throws SQLException {
        UUID editing = createTenant("Editing Dental " + UUID.randomUUID());
        UUID id = orm.inTenant(editing, em -> {
            KnowledgeEntry e = new KnowledgeEntry("Do you do house calls?", "No.", null, "en", 1);
            em.persist(e);
            return e.id();
        });
        orm.runInTenant(editing, em -> {
            KnowledgeEntry loaded = em.find(KnowledgeEntry.class, id); // an admin's edit, loaded before the call ends
            call(editing, id, 2, Outcome.RESOLVED);                   // a call ends in its own transaction meanwhile
            loaded.rephrase("home visit");
            em.flush();
        });
        KnowledgeEntry stored = orm.inTenant(editing, em -> em.find(KnowledgeEntry.class, id));
        assertEquals(1, stored.timesUsed(), "not overwritten by the edit");
        assertEquals(1, stored.timesResolved());
    }

    @Test
    void twoCallsAskingTheSameNewQuestionAtOnceMergeIntoOneSuggestion() throws Exception {
        UUID asking = createTenant("Suggesting Dental " + UUID.randomUUID());
        String question = "Do you sell llama insurance " + UUID.randomUUID().toString().substring(0, 6) + "?";
        java.util.concurrent.CountDownLatch firstInserted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            // the first transaction holds its new row until the second has run into it
            java.util.concurrent.Future<?> first = two.submit(() -> orm.runInTenant(asking, em -> {
                new JpaKnowledgeRepository(em).suggest(new KnowledgeSuggestion(question, "en", null, UUID.randomUUID()));
                firstInserted.countDown();
                sleep(400);
            }));
            java.util.concurrent.Future<?> second = two.submit(() -> {
                await(firstInserted);
                orm.runInTenant(asking, em ->
                        new JpaKnowledgeRepository(em).suggest(new KnowledgeSuggestion(question.toUpperCase(), "en", "draft", UUID.randomUUID())));
            });
            first.get(30, java.util.concurrent.TimeUnit.SECONDS);
            second.get(30, java.util.concurrent.TimeUnit.SECONDS); // no unique violation: the turn's transaction survives
        } finally {
            two.shutdownNow();
        }
        List<KnowledgeSuggestion> pending = orm.inTenant(asking, em -> new JpaKnowledgeRepository(em)
                .suggestions(KnowledgeSuggestion.Status.PENDING, 10));
        assertEquals(1, pending.size(), pending.toString());
        assertEquals(2, pending.get(0).occurrences());
        assertEquals(java.util.Optional.of("draft"), pending.get(0).suggestedAnswer(), "a draft found later is kept");
    }

    @Test
    void aSuggestionDecidedMeanwhileIsSeenDecidedByTheSecondAdmin() throws Exception {
        UUID deciding = createTenant("Deciding Dental " + UUID.randomUUID());
        UUID id = orm.inTenant(deciding, em -> {
            KnowledgeSuggestion s = new KnowledgeSuggestion("Do you whiten teeth?", "en", "Yes.", null);
            em.persist(s);
            return s.id();
        });
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> first = two.submit(() -> orm.runInTenant(deciding, em -> {
                new JpaKnowledgeRepository(em).lockSuggestion(id).orElseThrow().approve(null, Instant.now());
                locked.countDown();
                sleep(400);
            }));
            java.util.concurrent.Future<KnowledgeSuggestion.Status> second = two.submit(() -> {
                await(locked);
                return orm.inTenant(deciding, em -> new JpaKnowledgeRepository(em).lockSuggestion(id).orElseThrow().status());
            });
            first.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(KnowledgeSuggestion.Status.APPROVED, second.get(30, java.util.concurrent.TimeUnit.SECONDS),
                    "the second admin waits and sees it approved, so it is not published twice");
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void aSuggestionCannotPointAtAnotherTenantsEntry() {
        UUID foreignEntry = orm.inTenant(otherTenant, em -> (UUID) em.createNativeQuery("select id from knowledge_base limit 1")
                .getSingleResult());
        UUID suggestion = orm.inTenant(tenant, em -> {
            KnowledgeSuggestion s = new KnowledgeSuggestion("Is there a lift?", "en", null, null);
            em.persist(s);
            return s.id();
        });
        RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () ->
                orm.runInTenant(tenant, em -> em.createNativeQuery("update knowledge_suggestions set entry_id = ?1 where id = ?2")
                        .setParameter(1, foreignEntry).setParameter(2, suggestion).executeUpdate()));
        Throwable root = refused;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(String.valueOf(root.getMessage()).contains("knowledge_suggestions_entry_fkey"), String.valueOf(root.getMessage()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
