package com.voicecore.infrastructure.persistence.startup;

import com.voicecore.infrastructure.persistence.migration.SchemaMigration;
import com.voicecore.infrastructure.persistence.migration.SchemaStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Migrates the database when the application starts, as the schema owner (its own non-JTA datasource;
 * bean-managed, because Flyway commits its own work). If this fails the deployment fails, and the
 * server never reports ready.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/VoiceCoreMigrationDS")
    private DataSource ownerDataSource;

    @Inject
    @ConfigProperty(name = "voicecore.db.app.user", defaultValue = SchemaMigration.DEFAULT_APP_ROLE)
    String appRole;

    @Inject
    @ConfigProperty(name = "voicecore.db.app.password")
    Optional<String> appPassword;

    @Inject
    @ConfigProperty(name = "voicecore.db.platform-role", defaultValue = SchemaMigration.DEFAULT_PLATFORM_ROLE)
    String platformRole;

    @Inject
    @ConfigProperty(name = "voicecore.platform.api-key")
    Optional<String> platformKey;

    @Inject
    SchemaStatus status;

    @PostConstruct
    void migrate() {
        MigrateResult result = new SchemaMigration(ownerDataSource, SchemaMigration.class.getClassLoader(),
                appRole, appPassword.orElse(null), platformRole, platformKey.orElse(null)).migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + version + " (" + result.migrationsExecuted + " migrations applied now)");
        status.migrated(version);
    }
}
