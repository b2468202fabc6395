package com.voicecore.domain.model.conversation;

import java.util.Optional;

/** Which language a caller speaks; empty when the words do not tell clearly (a name, "hello"). */
@FunctionalInterface
public interface LanguageDetection {

    Optional<String> detect(String text);
}
