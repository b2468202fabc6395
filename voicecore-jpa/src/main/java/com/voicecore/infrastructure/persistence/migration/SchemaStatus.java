package com.voicecore.infrastructure.persistence.migration;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Whether this node brought the database to the current schema (set by the migration bean at start). */
@ApplicationScoped
public class SchemaStatus {

    private volatile String version;

    public void migrated(String schemaVersion) {
        this.version = schemaVersion;
    }

    public Optional<String> version() {
        return Optional.ofNullable(version);
    }
}
