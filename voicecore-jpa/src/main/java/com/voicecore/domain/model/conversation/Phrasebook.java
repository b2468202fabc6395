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

    /** Twilio's Amazon Polly voices by the language they speak (neural/generative variants share the name). */
    private static final Map<String, String> POLLY = voices(
            "en", "Joanna Matthew Ivy Justin Kendra Kimberly Salli Joey Amy Brian Emma Ruth Stephen Danielle Gregory Kevin Olivia Aria Ayanda Arthur Geraint Nicole Russell Raveena Aditi Kajal Niamh",
            "es", "Lucia Conchita Enrique Sergio Lupe Mia Miguel Penelope Pedro Andres",
            "de", "Vicki Marlene Hans Daniel",
            "fr", "Lea Celine Mathieu Remi Chantal Gabrielle Liam",
            "it", "Bianca Carla Giorgio Adriano",
            "pt", "Camila Vitoria Ricardo Ines Cristiano Thiago",
            "nl", "Lotte Ruben Laura");

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
                    "I am sorry, I can only help you in {0}.",
                    "Please leave a message for {0} after the tone.",
                    "{0} cannot take your call right now. Please leave a message after the tone.",
                    "We did not receive a message. Goodbye.",
                    "Thank you for your message. Goodbye.",
                    "We are sorry, nobody can take your call right now. Please try again later. Goodbye.",
                    "We are sorry, something went wrong. Please hold while we connect you.",
                    "We are sorry, something went wrong.",
                    "Please hold while we transfer your call.",
                    "All our agents are busy. Please stay on the line.",
                    "You are caller number {0}. The estimated wait is about 1 minute.",
                    "You are caller number {0}. The estimated wait is about {1} minutes.",
                    "To leave a message instead, press {0} at any time.",
                    "Connecting you now."),
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
                    "Lo siento, solo puedo atenderle en {0}.",
                    "Por favor, deje un mensaje para {0} después de la señal.",
                    "{0} no puede atender su llamada en este momento. Por favor, deje un mensaje después de la señal.",
                    "No hemos recibido ningún mensaje. Adiós.",
                    "Gracias por su mensaje. Adiós.",
                    "Lo sentimos, ahora mismo nadie puede atender su llamada. Por favor, vuelva a llamar más tarde. Adiós.",
                    "Lo sentimos, algo ha fallado. Por favor, espere mientras le pasamos la llamada.",
                    "Lo sentimos, algo ha fallado.",
                    "Por favor, espere mientras transferimos su llamada.",
                    "Todos nuestros agentes están ocupados. Por favor, no cuelgue.",
                    "Es usted la llamada número {0}. El tiempo de espera estimado es de un minuto.",
                    "Es usted la llamada número {0}. El tiempo de espera estimado es de unos {1} minutos.",
                    "Para dejar un mensaje, pulse {0} en cualquier momento.",
                    "Le pasamos ahora."),
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
                    "Es tut mir leid, ich kann Ihnen nur auf {0} helfen.",
                    "Bitte hinterlassen Sie nach dem Signalton eine Nachricht für {0}.",
                    "{0} kann Ihren Anruf gerade nicht annehmen. Bitte hinterlassen Sie nach dem Signalton eine Nachricht.",
                    "Wir haben keine Nachricht erhalten. Auf Wiederhören.",
                    "Vielen Dank für Ihre Nachricht. Auf Wiederhören.",
                    "Es tut uns leid, gerade kann niemand Ihren Anruf annehmen. Bitte versuchen Sie es später noch einmal. Auf Wiederhören.",
                    "Es tut uns leid, etwas ist schiefgegangen. Bitte bleiben Sie dran, wir verbinden Sie.",
                    "Es tut uns leid, etwas ist schiefgegangen.",
                    "Bitte bleiben Sie dran, wir verbinden Sie weiter.",
                    "Alle unsere Mitarbeiter sind im Gespräch. Bitte bleiben Sie in der Leitung.",
                    "Sie sind Anrufer Nummer {0}. Die geschätzte Wartezeit beträgt etwa eine Minute.",
                    "Sie sind Anrufer Nummer {0}. Die geschätzte Wartezeit beträgt etwa {1} Minuten.",
                    "Um stattdessen eine Nachricht zu hinterlassen, drücken Sie jederzeit die {0}.",
                    "Sie werden jetzt verbunden."),
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
                    "Je suis désolée, je ne peux vous aider qu'en {0}.",
                    "Veuillez laisser un message pour {0} après le bip.",
                    "{0} ne peut pas prendre votre appel pour le moment. Veuillez laisser un message après le bip.",
                    "Nous n'avons pas reçu de message. Au revoir.",
                    "Merci pour votre message. Au revoir.",
                    "Nous sommes désolés, personne ne peut prendre votre appel pour le moment. Veuillez rappeler plus tard. Au revoir.",
                    "Nous sommes désolés, un problème est survenu. Veuillez patienter, nous vous mettons en relation.",
                    "Nous sommes désolés, un problème est survenu.",
                    "Veuillez patienter pendant que nous transférons votre appel.",
                    "Tous nos conseillers sont occupés. Veuillez rester en ligne.",
                    "Vous êtes l'appelant numéro {0}. Le temps d'attente estimé est d'environ une minute.",
                    "Vous êtes l'appelant numéro {0}. Le temps d'attente estimé est d'environ {1} minutes.",
                    "Pour laisser plutôt un message, appuyez sur {0} à tout moment.",
                    "Nous vous mettons en relation."),
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
                    "Mi dispiace, posso aiutarla solo in {0}.",
                    "Lasci un messaggio per {0} dopo il segnale acustico.",
                    "{0} non può rispondere in questo momento. Lasci un messaggio dopo il segnale acustico.",
                    "Non abbiamo ricevuto nessun messaggio. Arrivederci.",
                    "Grazie per il suo messaggio. Arrivederci.",
                    "Ci dispiace, in questo momento nessuno può rispondere. La preghiamo di richiamare più tardi. Arrivederci.",
                    "Ci dispiace, qualcosa è andato storto. Resti in linea, la mettiamo in contatto.",
                    "Ci dispiace, qualcosa è andato storto.",
                    "Resti in linea mentre trasferiamo la chiamata.",
                    "Tutti i nostri operatori sono occupati. Resti in linea, per favore.",
                    "Lei è il chiamante numero {0}. L'attesa stimata è di circa un minuto.",
                    "Lei è il chiamante numero {0}. L'attesa stimata è di circa {1} minuti.",
                    "Per lasciare invece un messaggio, prema {0} in qualsiasi momento.",
                    "La stiamo mettendo in contatto."),
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
                    "Sinto muito, só posso ajudar em {0}.",
                    "Por favor, deixe uma mensagem para {0} após o sinal.",
                    "{0} não pode atender agora. Por favor, deixe uma mensagem após o sinal.",
                    "Não recebemos nenhuma mensagem. Tchau.",
                    "Obrigada pela sua mensagem. Tchau.",
                    "Sentimos muito, ninguém pode atender a sua ligação agora. Por favor, ligue mais tarde. Tchau.",
                    "Sentimos muito, algo deu errado. Aguarde enquanto transferimos você.",
                    "Sentimos muito, algo deu errado.",
                    "Aguarde enquanto transferimos a sua ligação.",
                    "Todos os nossos atendentes estão ocupados. Por favor, aguarde na linha.",
                    "Você é o chamador número {0}. O tempo de espera estimado é de cerca de um minuto.",
                    "Você é o chamador número {0}. O tempo de espera estimado é de cerca de {1} minutos.",
                    "Para deixar uma mensagem, pressione {0} a qualquer momento.",
                    "Conectando você agora."),
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
                    "Het spijt me, ik kan u alleen helpen in het {0}.",
                    "Laat na de piep een bericht achter voor {0}.",
                    "{0} kan uw oproep nu niet aannemen. Laat na de piep een bericht achter.",
                    "We hebben geen bericht ontvangen. Tot ziens.",
                    "Bedankt voor uw bericht. Tot ziens.",
                    "Het spijt ons, er kan nu niemand uw oproep aannemen. Probeer het later nog eens. Tot ziens.",
                    "Het spijt ons, er ging iets mis. Blijf aan de lijn, we verbinden u door.",
                    "Het spijt ons, er ging iets mis.",
                    "Blijf aan de lijn terwijl we uw oproep doorverbinden.",
                    "Al onze medewerkers zijn in gesprek. Blijft u aan de lijn.",
                    "U bent beller nummer {0}. De geschatte wachttijd is ongeveer een minuut.",
                    "U bent beller nummer {0}. De geschatte wachttijd is ongeveer {1} minuten.",
                    "Om in plaats daarvan een bericht in te spreken, drukt u op elk moment op {0}.",
                    "U wordt nu doorverbonden."));

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

    private static Map<String, String> voices(String... languageAndNames) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < languageAndNames.length; i += 2) {
            for (String name : languageAndNames[i + 1].split(" ")) {
                map.put(name.toLowerCase(java.util.Locale.ROOT), languageAndNames[i]);
            }
        }
        return Map.copyOf(map);
    }

    /**
     * The language a Twilio voice speaks, when it is known: Polly voices by name, Google voices by
     * their tag ({@code Google.es-ES-Standard-A}); empty for others.
     */
    public static java.util.Optional<String> languageOfVoice(String voice) {
        if (voice == null || voice.isBlank()) {
            return java.util.Optional.empty();
        }
        String v = voice.strip();
        String lower = v.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("polly.")) {
            String name = lower.substring("polly.".length()).replaceAll("-(neural|generative|standard|long-form)$", "");
            return java.util.Optional.ofNullable(POLLY.get(name));
        }
        java.util.regex.Matcher google = java.util.regex.Pattern.compile("^google\\.([a-z]{2,3})-").matcher(lower);
        return google.find() ? java.util.Optional.of(google.group(1)) : java.util.Optional.empty();
    }

    /** Whether a tenant's voice can speak {@code language}: a voice of another language would read it wrongly. */
    public static boolean voiceSpeaks(String voice, String language) {
        return languageOfVoice(voice).map(l -> l.equals(LanguageCode.normalise(language))).orElse(true);
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
