package com.voicecore.domain.model.shared;

import com.voicecore.testsupport.Generators;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

class ExtensionRangeTest {

    @Test
    void containsExactlyTheExtensionsBetweenItsEndsIncluded() {
        qt().withExamples(1000).forAll(Generators.extensionRanges(), Generators.extensions()).checkAssert((r, e) ->
                assertEquals(r.first().number() <= e.number() && e.number() <= r.last().number(), r.contains(e),
                        r + " contains " + e));
    }

    @Test
    void containsBothEndsAndTheirNeighboursOnlyWhenInside() {
        qt().withExamples(300).forAll(Generators.extensionRanges()).checkAssert(r -> {
            assertTrue(r.contains(r.first()));
            assertTrue(r.contains(r.last()));
            int below = r.first().number() - 1;
            int above = r.last().number() + 1;
            if (below >= Extension.MIN) {
                assertFalse(r.contains(new Extension(below)));
            }
            if (above <= Extension.MAX) {
                assertFalse(r.contains(new Extension(above)));
            }
        });
    }

    @Test
    void overlapsIsReflexiveAndSymmetricAndMeansASharedExtension() {
        qt().withExamples(1000).forAll(Generators.extensionRanges(), Generators.extensionRanges()).checkAssert((r, s) -> {
            assertTrue(r.overlaps(r));
            assertEquals(r.overlaps(s), s.overlaps(r), r + " / " + s);
            int lo = Math.max(r.first().number(), s.first().number());
            int hi = Math.min(r.last().number(), s.last().number());
            boolean shareOne = lo <= hi;
            assertEquals(shareOne, r.overlaps(s), r + " overlaps " + s);
            if (shareOne) {
                Extension common = new Extension(lo);
                assertTrue(r.contains(common) && s.contains(common));
            }
        });
    }

    @Test
    void rangesSharingAnExtensionOverlapAndASingleExtensionRangeOverlapsExactlyTheRangesContainingIt() {
        qt().withExamples(500).forAll(Generators.extensionRanges(), Generators.extensionRanges(), Generators.extensions())
                .checkAssert((r, s, e) -> {
                    // widen both ranges just enough to contain e: they now share e, so they must overlap
                    ExtensionRange r2 = ExtensionRange.of(Math.min(r.first().number(), e.number()), Math.max(r.last().number(), e.number()));
                    ExtensionRange s2 = ExtensionRange.of(Math.min(s.first().number(), e.number()), Math.max(s.last().number(), e.number()));
                    assertTrue(r2.contains(e) && s2.contains(e));
                    assertTrue(r2.overlaps(s2), r2 + " / " + s2);
                    ExtensionRange single = new ExtensionRange(e, e);
                    assertEquals(r.contains(e), r.overlaps(single), r + " / " + e);
                    assertEquals(r.contains(e), single.overlaps(r));
                });
    }

    @Test
    void mustNotEndBeforeItStarts() {
        qt().withExamples(300).forAll(Generators.extensionNumbers(), Generators.extensionNumbers())
                .assuming((a, b) -> !a.equals(b))
                .checkAssert((a, b) -> {
                    int lo = Math.min(a, b);
                    int hi = Math.max(a, b);
                    assertThrows(IllegalArgumentException.class, () -> ExtensionRange.of(hi, lo));
                    assertEquals(lo + "-" + hi, ExtensionRange.of(lo, hi).toString());
                });
        assertThrows(NullPointerException.class, () -> new ExtensionRange(null, new Extension(10)));
        assertThrows(NullPointerException.class, () -> new ExtensionRange(new Extension(10), null));
    }
}
