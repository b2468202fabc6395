package com.voicecore.domain.model.conversation;

import java.util.Optional;
import java.util.Set;

/** Which language a caller speaks; empty when the words do not tell clearly (a name, "hello"). */
@FunctionalInterface
public interface LanguageDetection {

    /**
     * @param served the tenant's languages: when the words are ambiguous overall but clearly one of
     *               these rather than the others, that one may be returned
     */
    Optional<String> detect(String text, Set<String> served);
}
