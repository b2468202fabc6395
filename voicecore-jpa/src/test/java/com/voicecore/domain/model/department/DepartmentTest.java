package com.voicecore.domain.model.department;

import com.voicecore.domain.model.shared.ExtensionRange;
import com.voicecore.testsupport.Generators;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class DepartmentTest {

    @Test
    void admitsExactlyTheExtensionsOfItsBlock() {
        qt().withExamples(500).forAll(Generators.departmentNames(), Generators.extensionRanges(), Generators.extensions())
                .checkAssert((name, range, e) -> {
                    Department d = new Department(name, null, range, false);
                    assertEquals(Optional.of(range), d.extensions());
                    assertEquals(range.contains(e), d.admits(e), range + " admits " + e);
                });
    }

    @Test
    void withoutABlockAdmitsAnyExtension() {
        qt().withExamples(200).forAll(Generators.departmentNames(), Generators.extensions()).checkAssert((name, e) -> {
            Department d = new Department(name, "  ", null, false);
            assertTrue(d.admits(e));
            assertEquals(Optional.empty(), d.extensions());
            assertEquals(Optional.empty(), d.description(), "a blank description is none");
        });
    }

    @Test
    void reassigningTheBlockChangesWhatItAdmits() {
        Department d = new Department(" Sales ", null, ExtensionRange.of(100, 199), false);
        assertEquals("Sales", d.name());
        d.assignExtensions(ExtensionRange.of(200, 299));
        assertEquals(Optional.of(ExtensionRange.of(200, 299)), d.extensions());
        d.assignExtensions(null);
        assertEquals(Optional.empty(), d.extensions());
    }

    @Test
    void namesHaveOneTo100Characters() {
        assertThrows(IllegalArgumentException.class, () -> new Department("   ", null, null, false));
        assertThrows(IllegalArgumentException.class, () -> new Department("x".repeat(101), null, null, false));
        assertThrows(NullPointerException.class, () -> new Department(null, null, null, false));
        assertEquals(100, new Department("x".repeat(100), null, null, false).name().length());
    }

    @Test
    void departmentsShareExtensionsExactlyWhenTheirBlocksOverlap() {
        qt().withExamples(200).forAll(integers().between(10, 990), integers().between(0, 9),
                integers().between(10, 990), integers().between(0, 9)).checkAssert((a, la, b, lb) -> {
            ExtensionRange first = ExtensionRange.of(a, a + la);
            ExtensionRange second = ExtensionRange.of(b, b + lb);
            Department one = new Department("One", null, first, false);
            Department two = new Department("Two", null, second, false);
            boolean overlap = a <= b + lb && b <= a + la;
            assertEquals(overlap, one.sharesExtensionsWith(two));
            assertEquals(overlap, two.sharesExtensionsWith(one));
            assertFalse(one.sharesExtensionsWith(one), "a department never clashes with itself");
            assertFalse(new Department("Open", null, null, false).sharesExtensionsWith(one), "no block, no clash");
        });
    }
}
