package com.voicecore.domain.model.conversation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The receptionist's own sentences in every language it can speak, with the Twilio language tag and
 * a fitting voice for each. A tenant can only serve languages listed here: every reply must be
 * speakable in the caller's language (Property 4). {@code {0}} is filled in (a name, digits, languages).
 */
public final class Phrasebook {

    /** A language the receptionist speaks: its Twilio tag for {@code <Say>}/{@code <Gather>} and a voice. */
    public record Spoken(String code, String twilioTag, String voice) {
    }

    private static final Map<String, Spoken> SPOKEN = Map.of(
            "en", new Spoken("en", "en-US", "Polly.Joanna"),
            "es", new Spoken("es", "es-ES", "Polly.Lucia"),
            "de", new Spoken("de", "de-DE", "Polly.Vicki"),
            "fr", new Spoken("fr", "fr-FR", "Polly.Lea"),
            "it", new Spoken("it", "it-IT", "Polly.Bianca"),
            "pt", new Spoken("pt", "pt-BR", "Polly.Camila"),
            "nl", new Spoken("nl", "nl-NL", "Polly.Lotte"));

    private static final Map<String, Map<Phrase, String>> WORDING = Map.of(
            "en", wording(
                    "How can I help you? You can ask me a question, or ask for a person or a department.",
                    "Is there anything else I can help you with?",
                    "Sorry, I did not catch that. Could you say it again?",
                    "I am sorry, I do not have an answer to that. Could you put it another way, or ask for a department?",
                    "Sorry, there is no extension {0}.",
                    "I will connect you with {0}.",
                    "Let me connect you with our customer service.",
                    "Of course, you can leave a message.",
                    "Thank you for calling. Goodbye.",
                    "I am sorry, I can only help you in {0}."),
            "es", wording(
                    "¿En qué puedo ayudarle? Puede hacerme una pregunta o pedir hablar con una persona o un departamento.",
                    "¿Hay algo más en lo que pueda ayudarle?",
                    "Perdone, no le he entendido. ¿Puede repetirlo?",
                    "Lo siento, no tengo una respuesta para eso. ¿Puede decirlo de otra manera o pedir un departamento?",
                    "Lo siento, no existe la extensión {0}.",
                    "Le paso con {0}.",
                    "Le paso con nuestro servicio de atención al cliente.",
                    "Por supuesto, puede dejar un mensaje.",
                    "Gracias por su llamada. Adiós.",
                    "Lo siento, solo puedo atenderle en {0}."),
            "de", wording(
                    "Wie kann ich Ihnen helfen? Sie können mir eine Frage stellen oder nach einer Person oder Abteilung fragen.",
                    "Kann ich Ihnen sonst noch helfen?",
                    "Entschuldigung, das habe ich nicht verstanden. Könnten Sie es wiederholen?",
                    "Das tut mir leid, darauf habe ich keine Antwort. Könnten Sie es anders formulieren oder nach einer Abteilung fragen?",
                    "Entschuldigung, die Durchwahl {0} gibt es nicht.",
                    "Ich verbinde Sie mit {0}.",
                    "Ich verbinde Sie mit unserem Kundendienst.",
                    "Natürlich, Sie können eine Nachricht hinterlassen.",
                    "Vielen Dank für Ihren Anruf. Auf Wiederhören.",
                    "Es tut mir leid, ich kann Ihnen nur auf {0} helfen."),
            "fr", wording(
                    "Comment puis-je vous aider ? Vous pouvez me poser une question ou demander une personne ou un service.",
                    "Puis-je vous aider pour autre chose ?",
                    "Pardon, je n'ai pas compris. Pouvez-vous répéter ?",
                    "Je suis désolée, je n'ai pas de réponse à cela. Pouvez-vous le dire autrement ou demander un service ?",
                    "Désolée, le poste {0} n'existe pas.",
                    "Je vous mets en relation avec {0}.",
                    "Je vous mets en relation avec notre service client.",
                    "Bien sûr, vous pouvez laisser un message.",
                    "Merci de votre appel. Au revoir.",
                    "Je suis désolée, je ne peux vous aider qu'en {0}."),
            "it", wording(
                    "Come posso aiutarla? Può farmi una domanda o chiedere di una persona o di un reparto.",
                    "Posso aiutarla in qualcos'altro?",
                    "Mi scusi, non ho capito. Può ripetere?",
                    "Mi dispiace, non ho una risposta a questo. Può dirlo in un altro modo o chiedere di un reparto?",
                    "Mi scusi, l'interno {0} non esiste.",
                    "La metto in contatto con {0}.",
                    "La metto in contatto con il nostro servizio clienti.",
                    "Certo, può lasciare un messaggio.",
                    "Grazie per la chiamata. Arrivederci.",
                    "Mi dispiace, posso aiutarla solo in {0}."),
            "pt", wording(
                    "Como posso ajudar? Pode me fazer uma pergunta ou pedir para falar com uma pessoa ou um departamento.",
                    "Posso ajudar em mais alguma coisa?",
                    "Desculpe, não entendi. Pode repetir?",
                    "Sinto muito, não tenho uma resposta para isso. Pode dizer de outra forma ou pedir um departamento?",
                    "Desculpe, o ramal {0} não existe.",
                    "Vou transferir você para {0}.",
                    "Vou transferir você para o nosso atendimento ao cliente.",
                    "Claro, você pode deixar uma mensagem.",
                    "Obrigada pela ligação. Tchau.",
                    "Sinto muito, só posso ajudar em {0}."),
            "nl", wording(
                    "Waarmee kan ik u helpen? U kunt mij een vraag stellen of naar een persoon of afdeling vragen.",
                    "Kan ik u nog ergens anders mee helpen?",
                    "Sorry, dat heb ik niet verstaan. Kunt u het herhalen?",
                    "Het spijt me, daar heb ik geen antwoord op. Kunt u het anders zeggen of naar een afdeling vragen?",
                    "Sorry, toestel {0} bestaat niet.",
                    "Ik verbind u door met {0}.",
                    "Ik verbind u door met onze klantenservice.",
                    "Natuurlijk, u kunt een bericht achterlaten.",
                    "Bedankt voor uw telefoontje. Tot ziens.",
                    "Het spijt me, ik kan u alleen helpen in het {0}."));

    private Phrasebook() {
    }

    private static Map<Phrase, String> wording(String... sentences) {
        Phrase[] phrases = Phrase.values();
        if (sentences.length != phrases.length) {
            throw new IllegalStateException("Every phrase needs its wording");
        }
        Map<Phrase, String> map = new EnumMap<>(Phrase.class);
        for (int i = 0; i < phrases.length; i++) {
            map.put(phrases[i], sentences[i]);
        }
        return map;
    }

    /** The languages the receptionist can speak (and so a tenant can serve). */
    public static Set<String> languages() {
        return SPOKEN.keySet();
    }

    public static boolean speaks(String code) {
        return SPOKEN.containsKey(LanguageCode.normalise(code));
    }

    public static Spoken spoken(String code) {
        Spoken spoken = SPOKEN.get(LanguageCode.normalise(code));
        if (spoken == null) {
            throw new IllegalArgumentException("The receptionist does not speak " + code);
        }
        return spoken;
    }

    public static String say(Phrase phrase, String language, Object... arguments) {
        String text = WORDING.get(spoken(language).code()).get(phrase);
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    /** The raw wording ({@code {0}} unfilled). */
    public static String wording(Phrase phrase, String language) {
        return WORDING.get(spoken(language).code()).get(phrase);
    }

    /** "English and Spanish" in {@code language}'s own words for the language names. */
    public static String languageList(List<String> codes, String language) {
        List<String> names = codes.stream().map(c -> LanguageCode.nameIn(c, language)).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " / " + names.get(names.size() - 1);
    }

    /** Whether a sentence is one of the receptionist's own in that language (tests and reviews use it). */
    public static boolean isPhraseIn(String sentence, String language) {
        return WORDING.get(spoken(language).code()).values().stream()
                .anyMatch(w -> matches(w, sentence));
    }

    private static boolean matches(String wording, String sentence) {
        int hole = wording.indexOf("{0}");
        if (hole < 0) {
            return wording.equals(sentence);
        }
        return sentence.startsWith(wording.substring(0, hole)) && sentence.endsWith(wording.substring(hole + 3));
    }
}
