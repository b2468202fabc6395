package com.voicecore.infrastructure.persistence.migration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.PGConnection;

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
 * runs the Flyway migrations in {@code db/migration}, grants the runtime role its privileges, records
 * the platform key's hash, then refuses a runtime role that could get past row-level security.
 * The application, the tests and the benchmarks all go through here.
 */
public final class SchemaMigration {

    public static final String DEFAULT_APP_ROLE = "voicecore_app";
    public static final String DEFAULT_PLATFORM_ROLE = "voicecore_platform";

    private final DataSource ownerDataSource;
    private final ClassLoader classLoader;
    private final String appRole;
    private final String appPassword;
    private final String platformRole;
    private final String platformKey;

    /**
     * @param platformKey the platform API key, or null: without one the platform functions refuse
     *                    everyone (no tenant can be created, listed or deleted)
     */
    public SchemaMigration(DataSource ownerDataSource, ClassLoader classLoader,
                           String appRole, String appPassword, String platformRole, String platformKey) {
        this.ownerDataSource = Objects.requireNonNull(ownerDataSource, "ownerDataSource");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.appRole = requireRoleName(appRole);
        this.appPassword = appPassword;
        this.platformRole = requireRoleName(platformRole);
        this.platformKey = platformKey;
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
            recordPlatformKey(c);
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
        try (PreparedStatement ps = c.prepareStatement("select format('create role %I login nosuperuser nocreatedb"
                + " nocreaterole noinherit nobypassrls', ?::text)")) {
            ps.setString(1, appRole);
            String ddl;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                ddl = rs.getString(1);
            }
            try (var st = c.createStatement()) {
                st.execute(ddl);
            }
        }
        // The driver hashes the password (SCRAM-SHA-256) before it leaves this process, so it never
        // appears in a statement the server could log.
        c.unwrap(PGConnection.class).alterUserPassword(appRole, appPassword.toCharArray(), "scram-sha-256");
    }

    private void recordPlatformKey(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("delete from platform.access_key");
        }
        if (platformKey != null && !platformKey.isBlank()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into platform.access_key (key_hash) values (sha256(convert_to(?, 'UTF8')))")) {
                ps.setString(1, platformKey);
                ps.execute();
            }
        }
    }

    /**
     * The runtime role must not be able to lift the wall, or to own anything a SECURITY DEFINER
     * function could be made to use.
     */
    private void verifyRuntimeRoleIsConfined(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select r.rolsuper or r.rolbypassrls or r.rolcreaterole"
                + "   or r.rolcreatedb or r.rolreplication,"
                + " (select count(*) from pg_class k where k.relowner = r.oid)"
                + "   + (select count(*) from pg_namespace n where n.nspowner = r.oid)"
                + "   + (select count(*) from pg_proc p where p.proowner = r.oid)"
                + "   + (select count(*) from pg_type t where t.typowner = r.oid)"
                + "   + (select count(*) from pg_database d where d.datdba = r.oid),"
                + " (select count(*) from pg_auth_members m where m.member = r.oid),"
                + " has_database_privilege(r.oid, current_database(), 'CREATE')"
                + " from pg_roles r where r.rolname = ?")) {
            ps.setString(1, appRole);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Runtime role " + appRole + " does not exist");
                }
                if (rs.getBoolean(1) || rs.getLong(2) > 0 || rs.getLong(3) > 0 || rs.getBoolean(4)) {
                    throw new IllegalStateException("Runtime role " + appRole + " must not be a superuser, bypass"
                            + " row-level security, create roles or databases, own objects, belong to other roles"
                            + " or create schemas");
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
