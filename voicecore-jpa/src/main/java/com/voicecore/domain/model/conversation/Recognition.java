package com.voicecore.domain.model.conversation;

import java.util.Optional;
import java.util.UUID;

/** What one utterance asks for: the intent and, for a person, department or extension, which one. */
public record Recognition(Intent intent, Optional<UUID> target, Optional<String> targetName, Optional<String> extension) {

    static Recognition of(Intent intent) {
        return new Recognition(intent, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Recognition target(Intent intent, Directory.Listing listing) {
        return new Recognition(intent, Optional.of(listing.id()), Optional.of(listing.name()), Optional.empty());
    }

    static Recognition extension(String digits) {
        return new Recognition(Intent.EXTENSION, Optional.empty(), Optional.empty(), Optional.of(digits));
    }
}
