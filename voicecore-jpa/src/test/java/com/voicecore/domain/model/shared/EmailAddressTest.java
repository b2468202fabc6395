package com.voicecore.domain.model.shared;

import com.voicecore.testsupport.Generators;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class EmailAddressTest {

    @Test
    void keepsAddressesLowerCaseAndTrimmedWhateverTheSpelling() {
        qt().withExamples(500)
                .forAll(Generators.emailAddresses(), longs().all(), integers().between(0, 3), integers().between(0, 3))
                .checkAssert((canonical, caseMask, lead, trail) -> {
                    String typed = " ".repeat(lead) + scramble(canonical, caseMask) + "\t".repeat(trail);
                    EmailAddress email = new EmailAddress(typed);
                    assertEquals(canonical, email.value(), typed);
                    assertEquals(canonical, email.toString());
                    assertEquals(new EmailAddress(canonical), email, "equal whatever the spelling");
                    assertEquals(email, new EmailAddress(email.value()), "normalising is idempotent");
                });
    }

    @Test
    void rejectsWhatIsNotAnAddress() {
        List<String> bad = List.of("", " ", "plain", "@example.com", "user@", "user@example", "user@@example.com",
                "us er@example.com", "user@exa mple.com", "a@b@c.com", "user@.", "user.example.com",
                "x".repeat(250) + "@example.com");
        for (String raw : bad) {
            assertThrows(IllegalArgumentException.class, () -> new EmailAddress(raw), raw);
        }
        assertThrows(NullPointerException.class, () -> new EmailAddress(null));
    }

    @Test
    void acceptsUpTo254CharactersAfterTrimming() {
        String local = "a".repeat(254 - "@example.com".length());
        assertEquals(254, new EmailAddress("  " + local.toUpperCase(Locale.ROOT) + "@EXAMPLE.com  ").value().length());
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("a" + local + "@example.com"));
    }

    private static String scramble(String s, long mask) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(((mask >>> (i % 64)) & 1L) == 1L ? Character.toUpperCase(c) : c);
        }
        return b.toString();
    }
}
