package com.voicecore.domain.model.realtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The barge-in arithmetic over generated playbacks: replies of random lengths forwarded in random
 * chunks, marks echoed in order up to random points, stale marks of earlier replies echoed late,
 * barge-ins at any moment and new replies starting at any moment.
 */
class AssistantPlaybackPropertyTest {

    /** A reference of what was forwarded and heard per item, kept independently of the ledger. */
    private static final class Reference {
        String item;
        long forwarded;
        long heard;
        final List<String> pendingNames = new ArrayList<>();
        final List<Long> pendingEnds = new ArrayList<>();
        final List<String> staleNames = new ArrayList<>();

        void newItem(String id) {
            staleNames.addAll(pendingNames);
            item = id;
            forwarded = 0;
            heard = 0;
            pendingNames.clear();
            pendingEnds.clear();
        }
    }

    @Test
    void aBargeInCutsAtTheAudioHeardNeverMoreThanForwardedAndOnlyForTheCurrentReply() {
        qt().withExamples(300)
                .forAll(lists().of(integers().between(0, 9_999)).ofSizeBetween(1, 80))
                .checkAssert(ops -> {
                    AssistantPlayback ledger = new AssistantPlayback();
                    Reference ref = new Reference();
                    int items = 0;
                    for (int op : ops) {
                        int kind = op % 10;
                        int arg = op / 10;
                        if (kind == 0 || ref.item == null) { // a new assistant item (every item resets)
                            String id = "item_" + (++items);
                            ledger.startItem(id);
                            ref.newItem(id);
                        } else if (kind <= 4) { // forward a chunk of 0..999 bytes
                            String mark = ledger.forwarded(ref.item, arg);
                            ref.forwarded += arg;
                            ref.pendingNames.add(mark);
                            ref.pendingEnds.add(ref.forwarded);
                        } else if (kind <= 6) { // Twilio echoes marks up to one of the pending
                            if (!ref.pendingNames.isEmpty()) {
                                int upTo = arg % ref.pendingNames.size();
                                assertTrue(ledger.played(ref.pendingNames.get(upTo)));
                                ref.heard = ref.pendingEnds.get(upTo);
                                ref.pendingNames.subList(0, upTo + 1).clear();
                                ref.pendingEnds.subList(0, upTo + 1).clear();
                            }
                        } else if (kind == 7) { // a stale mark of an earlier item, or garbage
                            String stale = ref.staleNames.isEmpty() ? "x." + arg : ref.staleNames.get(arg % ref.staleNames.size());
                            long playedBefore = ledger.playedMs();
                            assertFalse(ledger.played(stale), stale);
                            assertEquals(playedBefore, ledger.playedMs());
                        } else { // the caller starts speaking
                            Optional<AssistantPlayback.Truncation> cut = ledger.bargeIn();
                            if (ref.pendingNames.isEmpty()) {
                                assertTrue(cut.isEmpty(), "nothing pending, nothing cut");
                            } else {
                                assertTrue(cut.isPresent());
                                assertEquals(ref.item, cut.get().itemId());
                                assertEquals(ref.heard / 8, cut.get().audioEndMs(), "cut where the caller stopped hearing");
                                assertTrue(cut.get().audioEndMs() <= ref.forwarded / 8, "never past what was forwarded");
                                ref.newItem(null);
                                assertFalse(ledger.hasPendingAudio());
                            }
                        }
                        assertEquals(!ref.pendingNames.isEmpty(), ledger.hasPendingAudio());
                        if (ref.item != null) {
                            assertEquals(ref.forwarded / 8, ledger.forwardedMs());
                            assertTrue(ledger.playedMs() <= ledger.forwardedMs());
                        }
                    }
                });
    }

    @Test
    void decodedLengthMatchesBase64ForAnyAudioLength() {
        qt().withExamples(200).forAll(integers().between(0, 5000)).checkAssert(n ->
                assertEquals(n, AssistantPlayback.decodedLength(Base64.getEncoder().encodeToString(new byte[n]))));
    }

    @Test
    void theSameItemContinuesAndAnotherItemStartsFromNothing() {
        AssistantPlayback p = new AssistantPlayback();
        String m1 = p.forwarded("a", 800);
        p.forwarded("a", 800);
        assertTrue(p.played(m1));
        assertEquals(100, p.playedMs());
        p.startItem("a");
        assertEquals(200, p.forwardedMs(), "same item: kept");
        p.forwarded("b", 80);
        assertEquals(10, p.forwardedMs(), "new item: from nothing");
        assertEquals(0, p.playedMs());
        assertFalse(p.played(m1), "the earlier item's marks count for nothing");
        assertEquals(Optional.of(new AssistantPlayback.Truncation("b", 0)), p.bargeIn());
    }
}
