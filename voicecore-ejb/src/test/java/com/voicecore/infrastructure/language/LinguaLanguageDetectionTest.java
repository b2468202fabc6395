package com.voicecore.infrastructure.language;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The detector on what callers say: clear sentences are recognised, single words are "unsure". */
class LinguaLanguageDetectionTest {

    private final LinguaLanguageDetection detection = new LinguaLanguageDetection();

    @Test
    void sentencesInTheLanguagesTheReceptionistSpeaksAndOnesItDoesNot() {
        Map<String, String> said = Map.of(
                "I'd like to talk to someone in sales", "en",
                "Hola, quisiera saber cuál es su horario de apertura", "es",
                "Guten Tag, ich hätte gerne einen Termin für nächste Woche", "de",
                "Bonjour, je voudrais parler au service commercial", "fr",
                "Buongiorno, vorrei prenotare un appuntamento", "it",
                "Olá, gostaria de marcar uma consulta", "pt",
                "Ik wil graag een afspraak maken voor volgende week", "nl",
                "Dzień dobry, chciałbym umówić wizytę", "pl");
        said.forEach((text, language) -> assertEquals(Optional.of(language), detection.detect(text, new java.util.HashSet<>(java.util.List.of("en", language))), text));
    }

    @Test
    void aSentenceCloseBetweenTwoLanguagesIsDecidedByTheTenantsLanguages() {
        String portuguese = "Quanto custa uma consulta com o dentista?";   // Portuguese, but Italian is close
        assertEquals(Optional.empty(), detection.detect(portuguese, Set.of("en", "it", "pt")), "unsure between two served");
        assertEquals(Optional.of("pt"), detection.detect(portuguese, Set.of("en", "pt")));
    }

    @Test
    void singleWordsAndNothingAreUnsure() {
        Set<String> served = Set.of("en", "es", "fr");
        assertEquals(Optional.empty(), detection.detect("sales", served));
        assertEquals(Optional.empty(), detection.detect("hello", served));
        assertEquals(Optional.empty(), detection.detect("   ", served));
        assertEquals(Optional.empty(), detection.detect(null, served));
    }
}
