package com.voicecore.domain.model.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells from the caller's words (in the conversation's language) what they want. Rules, in order:
 * goodbye; leaving a message; an extension ("extension 201", or just the digits); a person or a
 * department by name when asked for ("talk to sales", "Sam Sales please") or named alone; a human
 * ("operator", "someone"); anything else is a question for the knowledge base. A name inside a longer
 * question ("when is sales open?") stays a question.
 */
public final class IntentRecognizer {

    private record Cues(List<String> end, List<String> message, List<String> operator, List<String> transfer,
                        List<String> extension) {
    }

    private static final Map<String, Cues> CUES = Map.of(
            "en", new Cues(
                    List.of("goodbye", "bye", "that's all", "that is all", "nothing else", "no thanks", "no thank you", "hang up"),
                    List.of("leave a message", "leave him a message", "leave her a message", "take a message", "voicemail", "voice mail"),
                    List.of("operator", "receptionist", "reception", "a human", "a person", "someone", "somebody", "customer service",
                            "real person", "an agent", "a representative"),
                    List.of("talk to", "speak to", "speak with", "talk with", "connect me", "transfer me", "put me through",
                            "i want", "i'd like", "i would like", "can i have", "get me", "looking for", "reach"),
                    List.of("extension", "ext")),
            "es", new Cues(
                    List.of("adios", "eso es todo", "nada mas", "no gracias", "hasta luego"),
                    List.of("dejar un mensaje", "dejarle un mensaje", "buzon", "mensaje de voz"),
                    List.of("operador", "operadora", "recepcion", "una persona", "alguien", "atencion al cliente", "un agente"),
                    List.of("hablar con", "pasar con", "paseme", "pasame", "comuniqueme", "quiero", "quisiera", "me gustaria"),
                    List.of("extension")),
            "de", new Cues(
                    List.of("auf wiederhoren", "auf wiederhoeren", "tschuss", "das ware alles", "das war alles", "nein danke", "nichts mehr"),
                    List.of("nachricht hinterlassen", "eine nachricht", "mailbox", "anrufbeantworter"),
                    List.of("zentrale", "empfang", "einen menschen", "jemanden", "kundendienst", "kundenservice", "mitarbeiter"),
                    List.of("sprechen mit", "sprechen", "verbinden", "verbinden sie mich", "ich mochte", "ich will", "bitte mit"),
                    List.of("durchwahl", "nebenstelle")),
            "fr", new Cues(
                    List.of("au revoir", "c'est tout", "non merci", "rien d'autre"),
                    List.of("laisser un message", "message vocal", "messagerie"),
                    List.of("operateur", "operatrice", "accueil", "quelqu'un", "une personne", "service client", "un conseiller"),
                    List.of("parler a", "parler avec", "passer", "mettre en relation", "je voudrais", "je veux", "joindre"),
                    List.of("poste")),
            "it", new Cues(
                    List.of("arrivederci", "e tutto", "no grazie", "niente altro", "nient'altro"),
                    List.of("lasciare un messaggio", "segreteria", "messaggio"),
                    List.of("operatore", "operatrice", "reception", "una persona", "qualcuno", "servizio clienti"),
                    List.of("parlare con", "passarmi", "mi passi", "collegarmi", "vorrei", "voglio"),
                    List.of("interno")),
            "pt", new Cues(
                    List.of("tchau", "adeus", "e so isso", "nao obrigado", "nao obrigada", "nada mais"),
                    List.of("deixar uma mensagem", "deixar recado", "recado", "caixa postal"),
                    List.of("atendente", "recepcao", "uma pessoa", "alguem", "atendimento ao cliente", "um agente"),
                    List.of("falar com", "transferir", "me passe", "quero", "gostaria"),
                    List.of("ramal")),
            "nl", new Cues(
                    List.of("tot ziens", "doei", "dat was alles", "nee bedankt", "niets meer"),
                    List.of("bericht achterlaten", "bericht inspreken", "voicemail"),
                    List.of("receptie", "iemand", "een mens", "klantenservice", "medewerker", "telefoniste"),
                    List.of("spreken met", "doorverbinden", "verbind me", "ik wil", "ik zou graag"),
                    List.of("toestel")));

    private static final Pattern DIGITS = Pattern.compile("\\b(\\d{2,6})\\b");
    private static final int SHORT = 4;

    private IntentRecognizer() {
    }

    public static Recognition recognise(String text, String language, Directory directory) {
        return recognise(text, language, () -> directory);
    }

    /** The directory is consulted only when the words may name someone. */
    public static Recognition recognise(String text, String language, java.util.function.Supplier<Directory> directories) {
        if (text == null || text.isBlank()) {
            return Recognition.of(Intent.UNCLEAR);
        }
        Cues cues = CUES.getOrDefault(LanguageCode.normalise(language), CUES.get("en"));
        String folded = Utterance.fold(text);
        int words = Utterance.words(folded);
        // what follows a transfer cue: only a name there is asked for ("I'd like sales", not "I'd like to know ... sales tax")
        List<String> asked = asked(folded, cues.transfer());
        boolean asks = !asked.isEmpty();
        if (ends(folded, cues.end()) && words <= 8) {
            return Recognition.of(Intent.END);
        }
        if (any(folded, cues.message())) {
            return Recognition.of(Intent.MESSAGE);
        }
        Matcher digits = DIGITS.matcher(folded.replaceAll("(\\d) (?=\\d)", "$1"));
        if (digits.find() && (any(folded, cues.extension()) || folded.strip().matches("[\\d ]+"))) {
            return Recognition.extension(digits.group(1));
        }
        if (asks || words <= SHORT) {
            Directory directory = directories.get();
            // a few words may name someone anywhere ("Sales please"); a longer sentence only right after a cue
            List<String> places = words <= SHORT ? List.of(folded) : asked;
            for (String place : places) {
                // a person's full name, then a department, then a first or last name only one person has
                Optional<Directory.Listing> person = named(place, directory.agents(), words > SHORT);
                if (person.isPresent()) {
                    return Recognition.target(Intent.AGENT, person.get());
                }
                Optional<Directory.Listing> department = named(place, directory.departments(), words > SHORT);
                if (department.isPresent()) {
                    return Recognition.target(Intent.DEPARTMENT, department.get());
                }
                Optional<Directory.Listing> agent = partName(place, directory, words > SHORT);
                if (agent.isPresent()) {
                    return Recognition.target(Intent.AGENT, agent.get());
                }
            }
        }
        if (any(folded, cues.operator()) && (asks || words <= SHORT + 2)) {
            return Recognition.of(Intent.OPERATOR);
        }
        return Recognition.of(Intent.QUESTION);
    }

    private static boolean any(String folded, List<String> phrases) {
        return phrases.stream().anyMatch(p -> Utterance.has(folded, p));
    }

    /**
     * Whether the words end the call: a goodbye cue as the whole utterance or at its end (optionally
     * followed by thanks), so that "È tutto compreso?" or "bye the way, ..." stay questions.
     */
    private static boolean ends(String folded, List<String> cues) {
        String t = folded.replaceAll("( (thank you|thanks|gracias|danke|merci|grazie|obrigad[oa]|bedankt|dank u))+ $", " ");
        return cues.stream().anyMatch(c -> t.endsWith(Utterance.fold(c)));
    }

    /** Small words that may stand between a transfer cue and the name ("talk to the sales department"). */
    private static final java.util.Set<String> LINKS = java.util.Set.of("to", "the", "with", "a", "al", "el", "la", "con",
            "mit", "der", "die", "den", "dem", "avec", "le", "les", "l'", "du", "il", "lo", "o", "com", "met", "de", "het",
            "mr", "mrs", "ms", "please", "por", "favor", "bitte");

    /** The rest of the utterance after each transfer cue, with up to two linking words skipped; padded like folded text. */
    private static List<String> asked(String folded, List<String> cues) {
        List<String> rests = new java.util.ArrayList<>();
        for (String cue : cues) {
            String c = Utterance.fold(cue);
            for (int at = folded.indexOf(c); at >= 0; at = folded.indexOf(c, at + 1)) {
                String rest = folded.substring(at + c.length() - 1);
                for (int i = 0; i < 2; i++) {
                    String[] first = rest.strip().split(" ", 2);
                    if (first.length == 2 && LINKS.contains(first[0])) {
                        rest = " " + first[1];
                    }
                }
                if (!rest.isBlank()) {
                    rests.add(rest);
                }
            }
        }
        return rests;
    }

    /** With {@code atStart}, the name must begin the text (the words right after a cue). */
    private static Optional<Directory.Listing> named(String folded, List<Directory.Listing> listings, boolean atStart) {
        return listings.stream().filter(l -> atStart ? folded.startsWith(Utterance.fold(l.name())) : Utterance.has(folded, l.name()))
                .findFirst()
                .or(() -> listings.stream().filter(l -> {
                    // "sales department" or plural/singular slips: the name's stem as a word prefix
                    String name = Utterance.fold(l.name()).strip();
                    String stem = " " + name.substring(0, Math.max(0, name.length() - 1));
                    return name.length() >= 5 && (atStart ? folded.startsWith(stem) : folded.contains(stem));
                }).findFirst());
    }

    private static Optional<Directory.Listing> partName(String folded, Directory directory, boolean atStart) {
        // a first or last name alone, when exactly one agent has it
        List<Directory.Listing> partial = directory.agents().stream()
                .filter(a -> {
                    for (String part : Utterance.fold(a.name()).strip().split(" ")) {
                        String word = " " + part + " ";
                        if (part.length() >= 3 && (atStart ? folded.startsWith(word) : folded.contains(word))) {
                            return true;
                        }
                    }
                    return false;
                }).toList();
        return partial.size() == 1 ? Optional.of(partial.get(0)) : Optional.empty();
    }
}
