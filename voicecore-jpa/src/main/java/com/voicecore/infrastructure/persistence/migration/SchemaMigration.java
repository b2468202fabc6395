package com.voicecore.infrastructure.persistence.migration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;

/**
 * Brings a database to the current schema, as its owner: makes sure the runtime role exists (it is
 * created with its password from configuration the first time; a role a DBA made is left as it is),
 * runs the Flyway migrations in {@code db/migration}, grants the runtime role its privileges, then refuses
 * a runtime role that could get past row-level security. The application, the tests and the benchmarks all go through here.
 */
public final class SchemaMigration {

    public static final String DEFAULT_APP_ROLE = "voicecore_app";
    public static final String DEFAULT_PLATFORM_ROLE = "voicecore_platform";

    private final DataSource ownerDataSource;
    private final ClassLoader classLoader;
    private final String appRole;
    private final String appPassword;
    private final String platformRole;

    public SchemaMigration(DataSource ownerDataSource, ClassLoader classLoader,
                           String appRole, String appPassword, String platformRole) {
        this.ownerDataSource = Objects.requireNonNull(ownerDataSource, "ownerDataSource");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.appRole = requireRoleName(appRole);
        this.appPassword = appPassword;
        this.platformRole = requireRoleName(platformRole);
    }

    public MigrateResult migrate() {
        try (Connection c = ownerDataSource.getConnection()) {
            ensureRuntimeRole(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the runtime role " + appRole + ": " + e.getMessage(), e);
        }
        MigrateResult result = Flyway.configure(classLoader)
                .dataSource(ownerDataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("platformRole", platformRole))
                .failOnMissingLocations(true)
                .load()
                .migrate();
        try (Connection c = ownerDataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select grant_runtime_privileges(?::name)")) {
                ps.setString(1, appRole);
                ps.execute();
            }
            verifyRuntimeRoleIsConfined(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot verify the runtime role " + appRole + ": " + e.getMessage(), e);
        }
        return result;
    }

    /** Number of migrations on the classpath that the database has not applied. */
    public int pendingMigrations() {
        return Flyway.configure(classLoader)
                .dataSource(ownerDataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("platformRole", platformRole))
                .load()
                .info()
                .pending()
                .length;
    }

    private void ensureRuntimeRole(Connection c) throws SQLException {
        if (roleExists(c, appRole)) {
            return;
        }
        if (appPassword == null || appPassword.isBlank()) {
            throw new IllegalStateException("The runtime role " + appRole + " does not exist and no password is"
                    + " configured to create it (VOICECORE_DB_APP_PASSWORD)");
        }
        // format() quotes both the identifier and the literal on the server side
        String ddl;
        try (PreparedStatement ps = c.prepareStatement("select format('create role %I login password %L"
                + " nosuperuser nocreatedb nocreaterole noinherit nobypassrls', ?::text, ?::text)")) {
            ps.setString(1, appRole);
            ps.setString(2, appPassword);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                ddl = rs.getString(1);
            }
        }
        try (var st = c.createStatement()) {
            st.execute(ddl);
        }
    }

    private void verifyRuntimeRoleIsConfined(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select r.rolsuper, r.rolbypassrls,"
                + " (select count(*) from pg_class k where k.relowner = r.oid),"
                + " (select count(*) from pg_auth_members m where m.member = r.oid)"
                + " from pg_roles r where r.rolname = ?")) {
            ps.setString(1, appRole);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Runtime role " + appRole + " does not exist");
                }
                if (rs.getBoolean(1) || rs.getBoolean(2) || rs.getLong(3) > 0 || rs.getLong(4) > 0) {
                    throw new IllegalStateException("Runtime role " + appRole + " must not be a superuser, bypass"
                            + " row-level security, own objects or belong to other roles");
                }
            }
        }
    }

    private static boolean roleExists(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String requireRoleName(String role) {
        if (role == null || !role.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Invalid role name: " + role);
        }
        return role;
    }
}
