package com.voicecore.testsupport;

import com.voicecore.infrastructure.persistence.migration.SchemaMigration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * An embedded PostgreSQL 16 (zonky binaries from Maven Central) laid out as a real deployment: a
 * database {@code voicecore} owned by the non-superuser {@code voicecore_owner} (who runs the
 * migrations), and the runtime role {@code voicecore_app} (created by the migration step).
 * Used by the tests, the benchmarks and the run command. Passwords are new at every start: the
 * superuser resets them, so nothing needs to be remembered between runs.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "voicecore";
    public static final String OWNER = "voicecore_owner";
    public static final String APP = SchemaMigration.DEFAULT_APP_ROLE;

    private final EmbeddedPostgres postgres;
    private final String ownerPassword = randomSecret();
    private final String appPassword = randomSecret();
    private final String platformKey = randomSecret();

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL.
     *
     * @param workDir  where binaries are unpacked and, unless {@code keepData} is false, data lives
     * @param port     the port on 127.0.0.1, or 0 for any free one
     * @param keepData keep the data directory between runs (the run command) or start clean (tests)
     */
    public static EmbeddedDatabase start(Path workDir, int port, boolean keepData) {
        try {
            Files.createDirectories(workDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.resolve("binaries").toFile())
                    .setDataDirectory(workDir.resolve("data"))
                    .setCleanDataDirectory(!keepData)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", keepData ? "on" : "off");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
            db.prepareOwner();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + workDir, e);
        }
    }

    private void prepareOwner() {
        try (Connection c = dataSource("postgres", "postgres", null).getConnection()) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                ps.setString(1, OWNER);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            execute(c, String.format("%s role %s login createrole password '%s'",
                    exists ? "alter" : "create", OWNER, ownerPassword));
            try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                ps.setString(1, DATABASE);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        execute(c, "create database " + DATABASE + " owner " + OWNER);
                    }
                }
            }
            // a role kept from an earlier run gets this run's password
            try (PreparedStatement ps = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                ps.setString(1, APP);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        execute(c, String.format("alter role %s password '%s'", APP, appPassword));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the embedded database: " + e.getMessage(), e);
        }
    }

    /** Applies the migrations as the owner, exactly as the application does at start. */
    public EmbeddedDatabase migrate() {
        new SchemaMigration(ownerDataSource(), getClass().getClassLoader(), APP, appPassword,
                SchemaMigration.DEFAULT_PLATFORM_ROLE, platformKey).migrate();
        return this;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String ownerUser() {
        return OWNER;
    }

    public String ownerPassword() {
        return ownerPassword;
    }

    public String appUser() {
        return APP;
    }

    public String appPassword() {
        return appPassword;
    }

    /** The cluster's superuser, on the voicecore database: for checks a test makes from outside the wall. */
    public DataSource superuserDataSource() {
        return dataSource(DATABASE, "postgres", null);
    }

    public DataSource ownerDataSource() {
        return dataSource(DATABASE, OWNER, ownerPassword);
    }

    /**
     * The runtime role, holding the platform key for the session (as the platform path does per
     * transaction), so tests can create and delete tenants with plain SQL.
     */
    public DataSource appDataSource() {
        PGSimpleDataSource ds = (PGSimpleDataSource) dataSource(DATABASE, APP, appPassword);
        ds.setOptions("-c app.platform_key=" + platformKey);
        return ds;
    }

    /** The runtime role as a tenant request has it: without the platform key. */
    public DataSource appDataSourceWithoutPlatformKey() {
        return dataSource(DATABASE, APP, appPassword);
    }

    /** The platform key recorded by {@link #migrate()}. */
    public String platformKey() {
        return platformKey;
    }

    private DataSource dataSource(String database, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port()});
        ds.setDatabaseName(database);
        ds.setUser(user);
        if (password != null) {
            ds.setPassword(password);
        }
        // as the server's datasource does: enum columns accept plain strings
        ds.setStringType("unspecified");
        return ds;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Hex, so it never needs quoting inside SQL. */
    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
