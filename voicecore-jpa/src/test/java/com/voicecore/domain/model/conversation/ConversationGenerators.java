package com.voicecore.domain.model.conversation;

import com.voicecore.domain.model.knowledge.KnowledgeMatch;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Callers, languages and turns for the conversation policy's properties. */
final class ConversationGenerators {

    /** What callers say, by language: a question the fake knowledge base answers, one it does not, small talk. */
    static final Map<String, List<String>> SAID = Map.of(
            "en", List.of("what are your opening hours", "do you sell bicycles", "I have a question about my bill"),
            "es", List.of("cuál es su horario de apertura", "venden bicicletas", "tengo una pregunta sobre mi factura"),
            "de", List.of("wann haben Sie geöffnet", "verkaufen Sie Fahrräder", "ich habe eine Frage zu meiner Rechnung"),
            "fr", List.of("quelles sont vos heures d'ouverture", "vendez-vous des vélos", "j'ai une question sur ma facture"),
            "it", List.of("qual è il vostro orario di apertura", "vendete biciclette", "ho una domanda sulla mia fattura"),
            "pt", List.of("qual é o seu horário de funcionamento", "vocês vendem bicicletas", "tenho uma pergunta sobre minha conta"),
            "nl", List.of("wat zijn uw openingstijden", "verkoopt u fietsen", "ik heb een vraag over mijn rekening"),
            "pl", List.of("jakie są godziny otwarcia", "czy sprzedajecie rowery"));

    /** The words of each sentence above that the fake knowledge base answers. */
    static final List<String> ANSWERED = List.of("opening hours", "horario de apertura", "geöffnet", "heures d'ouverture",
            "orario di apertura", "horário de funcionamento", "openingstijden");

    static final List<String> SPOKEN = List.copyOf(Phrasebook.languages());

    /** A detector that knows every sentence above (and nothing else: single words stay unsure). */
    static LanguageDetection detector() {
        return text -> SAID.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(s -> s.equalsIgnoreCase(text.strip())))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Answers the opening-hours question in the language asked, tagged so the test can tell. */
    static Optional<KnowledgeMatch> knowledge(String words, String language) {
        boolean known = ANSWERED.stream().anyMatch(words::contains);
        if (!known) {
            return Optional.empty();
        }
        return Optional.of(new KnowledgeMatch(UUID.nameUUIDFromBytes(language.getBytes()), "hours", answerIn(language), null,
                language, 10, 0.8, 0.5, 0.8));
    }

    static String answerIn(String language) {
        return "[" + language + "] 9 to 5.";
    }

    static final Directory DIRECTORY = new Directory(
            List.of(new Directory.Listing(UUID.randomUUID(), "Reception"), new Directory.Listing(UUID.randomUUID(), "Sales")),
            List.of(new Directory.Listing(UUID.randomUUID(), "Sam Sales")),
            Map.of("201", new Directory.Listing(UUID.randomUUID(), "Sam Sales")));

    /** A tenant's served languages: one to four of those the receptionist speaks. */
    static Gen<List<String>> servedLanguages() {
        return SourceDSL.lists().of(SourceDSL.integers().between(0, SPOKEN.size() - 1).map(SPOKEN::get))
                .ofSizeBetween(1, 4).map(l -> List.copyOf(new java.util.LinkedHashSet<>(l)));
    }

    /** One later turn: speech in any language (including one nobody serves), keys, silence or mumbling. */
    static Gen<ConversationPolicy.Input> laterTurns() {
        List<String> all = SAID.values().stream().flatMap(List::stream).toList();
        Gen<ConversationPolicy.Input> speech = SourceDSL.integers().between(0, all.size() - 1)
                .map(i -> ConversationPolicy.Input.speech(all.get(i)));
        Gen<ConversationPolicy.Input> keys = SourceDSL.integers().between(0, 2)
                .map(i -> ConversationPolicy.Input.keys(List.of("999", "12", "#").get(i)));
        Gen<ConversationPolicy.Input> quiet = SourceDSL.integers().between(0, 1).map(i -> i == 0 ? ConversationPolicy.Input.silence()
                : new ConversationPolicy.Input(Optional.of("mmh"), Optional.empty(), Optional.of(0.05)));
        return SourceDSL.integers().between(0, 9).flatMap(k -> k < 6 ? speech : k < 8 ? quiet : keys);
    }

    private ConversationGenerators() {
    }
}
