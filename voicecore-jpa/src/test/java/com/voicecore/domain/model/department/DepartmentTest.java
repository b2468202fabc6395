package com.voicecore.domain.model.department;

import com.voicecore.domain.model.shared.ExtensionRange;
import com.voicecore.testsupport.Generators;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

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
}
