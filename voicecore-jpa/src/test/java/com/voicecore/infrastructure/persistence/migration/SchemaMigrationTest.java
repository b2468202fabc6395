package com.voicecore.infrastructure.persistence.migration;

import com.voicecore.testsupport.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaMigrationTest {

    private static EmbeddedDatabase db;

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.start(Path.of(System.getProperty("voicecore.work.dir", "target/voicecore-work"),
                "schema-migration-test"), 0, false);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void migratesOnceCreatesAConfinedRuntimeRoleAndIsIdempotent() throws SQLException {
        SchemaMigration migration = new SchemaMigration(db.ownerDataSource(), getClass().getClassLoader(),
                EmbeddedDatabase.APP, db.appPassword(), SchemaMigration.DEFAULT_PLATFORM_ROLE, null);
        migration.migrate();
        assertEquals(0, migration.pendingMigrations());
        assertEquals(0, migration.migrate().migrationsExecuted, "a second run changes nothing");

        try (Connection c = db.superuserDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = 'voicecore_app'")) {
            assertTrue(rs.next());
            assertFalse(rs.getBoolean(1));
            assertFalse(rs.getBoolean(2));
            assertTrue(rs.getBoolean(3));
        }
        try (Connection c = db.appDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from departments")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getLong(1), "no tenant set: nothing visible, and no error");
        }
    }

    @Test
    void refusesARuntimeRoleThatCouldBypassRowLevelSecurity() throws SQLException {
        try (Connection c = db.superuserDataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("create role sneaky_app login bypassrls password 'x'");
        }
        SchemaMigration migration = new SchemaMigration(db.ownerDataSource(), getClass().getClassLoader(),
                "sneaky_app", null, SchemaMigration.DEFAULT_PLATFORM_ROLE, null);
        IllegalStateException e = assertThrows(IllegalStateException.class, migration::migrate);
        assertTrue(e.getMessage().contains("bypass"), e.getMessage());
    }
}
