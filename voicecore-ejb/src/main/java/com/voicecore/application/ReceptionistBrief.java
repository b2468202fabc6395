package com.voicecore.application;

import java.util.List;

/**
 * What a receptionist (the turn-based policy or a realtime model) must know about the tenant.
 * {@code instructions} is the same, composed as one text for a model's system instructions.
 */
public record ReceptionistBrief(String companyName, String greeting, List<String> languages, String defaultLanguage,
                                String language, String voice, String transport, List<String> departments,
                                List<Topic> topics, String instructions) {

    /** A knowledge-base entry summarised for the brief. */
    public record Topic(String question, String answer, String category, String language) {
    }
}
