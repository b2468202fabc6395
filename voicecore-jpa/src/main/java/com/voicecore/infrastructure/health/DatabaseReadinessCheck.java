package com.voicecore.infrastructure.health;

import com.voicecore.infrastructure.persistence.migration.SchemaStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Ready only when the migrations have been applied on this node and the database answers the runtime
 * role now. Lives in the EAR's lib/ jar because WildFly ignores health checks in sub-deployments.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Resource(lookup = "java:jboss/datasources/VoiceCoreDS")
    private DataSource dataSource;

    @Inject
    private SchemaStatus schema;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("voicecore-database");
        boolean migrated = schema.version().isPresent();
        response.withData("schemaVersion", schema.version().orElse("not migrated"));
        boolean reachable;
        try (Connection c = dataSource.getConnection()) {
            reachable = c.isValid(2);
        } catch (SQLException e) {
            reachable = false;
            response.withData("error", e.getClass().getSimpleName());
        }
        response.withData("reachable", reachable);
        return response.status(migrated && reachable).build();
    }
}
