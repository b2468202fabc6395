package com.voicecore.domain.model.knowledge;

import java.util.List;

/**
 * A small dental practice's knowledge base with, for every entry, how callers actually ask for it
 * (in other words than the entry's question). Shared by the search's property tests.
 */
final class KnowledgeCatalog {

    record Topic(String language, String question, String answer, String keywords, List<String> askedAs) {
    }

    static final List<Topic> TOPICS = List.of(
            new Topic("en", "What are your opening hours?", "We are open Monday to Friday from 9 am to 5 pm.", "",
                    List.of("when are you open", "what time do you open", "until what time are you open today",
                            "are you opened on mondays", "hours of opening")),
            new Topic("en", "Where are you located?", "We are at 12 Harbour Street, next to the central station.",
                    "address directions find office",
                    List.of("what is your address", "where is your office", "how do I find you", "give me directions")),
            new Topic("en", "Do you have parking?", "Yes, there is free parking behind the building.", "car",
                    List.of("can I park my car there", "is there a car park", "where do I park")),
            new Topic("en", "How much does a cleaning cost?", "A professional cleaning costs 80 dollars.", "price fee",
                    List.of("what is the price of a cleaning", "how much is a teeth cleaning", "what do cleanings cost",
                            "what's your fee for cleaning teeth")),
            new Topic("en", "Do you accept insurance?", "We accept most dental insurance plans; bring your card.", "insurer",
                    List.of("which insurances do you accept", "is my insurance accepted", "do you work with insurers")),
            new Topic("en", "How do I cancel an appointment?", "Please call us at least 24 hours before to cancel.",
                    "cancellation reschedule",
                    List.of("I need to cancel my appointment", "cancelling a visit", "can I reschedule",
                            "what is your cancellation policy")),
            new Topic("en", "Do you treat children?", "Yes, we treat children from the age of three.", "kids child pediatric",
                    List.of("do you see kids", "can my child come to you", "treatment for children")),
            new Topic("en", "What payment methods do you accept?", "You can pay cash, by card or by bank transfer.",
                    "pay card cash credit",
                    List.of("can I pay by card", "do you take credit cards", "how can I pay")),
            new Topic("en", "What should I do in a dental emergency?", "For emergencies call our hotline, day or night.",
                    "urgent pain toothache",
                    List.of("I have a terrible toothache", "it's urgent, I am in pain", "emergency help")),
            new Topic("en", "Can I book online?", "Yes, you can book on our website at any time.", "booking website internet",
                    List.of("how do I make a booking on the internet", "is online booking possible", "can I book on the website")),
            new Topic("es", "¿Cuál es su horario de apertura?", "Abrimos de lunes a viernes de 9 a 17 horas.", "abren hora",
                    List.of("a qué hora abren", "cuál es el horario", "horarios de apertura")),
            new Topic("es", "¿Dónde están ubicados?", "Estamos en la calle del Puerto 12.", "dirección",
                    List.of("cuál es su dirección", "dónde está la clínica ubicada")),
            new Topic("de", "Wann haben Sie geöffnet?", "Wir haben Montag bis Freitag von 9 bis 17 Uhr geöffnet.",
                    "Öffnungszeiten offen",
                    List.of("wie sind Ihre Öffnungszeiten", "haben Sie heute offen", "wann ist die Praxis geöffnet")),
            new Topic("de", "Kann ich mit Karte bezahlen?", "Ja, Sie können bar oder mit Karte bezahlen.", "Kreditkarte zahlen",
                    List.of("nehmen Sie Kreditkarten", "wie kann ich zahlen", "Bezahlung mit Karte möglich")));

    /** Questions none of the entries answers. */
    static final List<String> UNRELATED = List.of("do you sell bicycles", "what is the weather like on mars",
            "who won the football match yesterday", "I would like to order a pizza");

    private KnowledgeCatalog() {
    }
}
