package com.voicecore.domain.model.conversation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** The languages a tenant's receptionist serves; the first is the default. */
public record ServedLanguages(List<String> codes) {

    public ServedLanguages {
        Objects.requireNonNull(codes, "codes");
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("A receptionist serves at least one language");
        }
        codes = List.copyOf(new LinkedHashSet<>(codes.stream().map(LanguageCode::normalise).toList()));
    }

    public static ServedLanguages of(String... codes) {
        return new ServedLanguages(List.of(codes));
    }

    public String defaultLanguage() {
        return codes.get(0);
    }

    public boolean serves(String code) {
        return codes.contains(LanguageCode.normalise(code));
    }
}
