package com.voicecore.domain.model.shared;

import com.voicecore.testsupport.Generators;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class ExtensionTest {

    @Test
    void acceptsTwoToSixDigitsAndRoundTripsThroughText() {
        qt().withExamples(500).forAll(Generators.extensionNumbers()).checkAssert(n -> {
            Extension e = new Extension(n);
            assertEquals(n, e.number());
            assertEquals(e, Extension.parse(e.toString()));
            assertEquals(Integer.toString(n).length(), e.digitCount());
            assertTrue(e.digitCount() >= 2 && e.digitCount() <= 6);
        });
    }

    @Test
    void rejectsNumbersOutside10To999999() {
        qt().withExamples(200).forAll(integers().between(Integer.MIN_VALUE, Extension.MIN - 1)
                        .mix(integers().between(Extension.MAX + 1, Integer.MAX_VALUE), 50))
                .checkAssert(n -> assertThrows(IllegalArgumentException.class, () -> new Extension(n)));
    }

    @Test
    void parseRejectsLeadingZeroSignsSpacesAndTooManyDigits() {
        for (String bad : new String[] {"0", "9", "01", "012345", "1234567", "-10", "+10", " 10", "10 ", "1O", "", "٣٤"}) {
            assertThrows(IllegalArgumentException.class, () -> Extension.parse(bad), bad);
        }
        assertThrows(NullPointerException.class, () -> Extension.parse(null));
    }

    @Test
    void ordersLikeItsNumber() {
        qt().withExamples(300).forAll(Generators.extensionNumbers(), Generators.extensionNumbers()).checkAssert((a, b) ->
                assertEquals(Integer.signum(Integer.compare(a, b)),
                        Integer.signum(new Extension(a).compareTo(new Extension(b)))));
    }
}
