package com.voicecore.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Looking at the database from outside the wall (as the superuser), to check what the API did. */
public final class Sql {

    private Sql() {
    }

    public static long count(String sql, Object... params) {
        try (Connection c = TestEnvironment.database().superuserDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes rows behind the API's back (to set up what an older version may have stored). */
    public static int update(String sql, Object... params) {
        try (Connection c = TestEnvironment.database().superuserDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = TestEnvironment.database().superuserDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every tenant-owned table, from the catalogue, so that a table added later is counted too. */
    public static List<String> tenantTables() {
        return rows("select c.relname::text as t from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " join pg_attribute a on a.attrelid = c.oid where n.nspname = 'public' and c.relkind = 'r'"
                + " and a.attname = 'tenant_id' and c.relname <> 'tenant_deletion_receipts' order by 1")
                .stream().map(r -> (String) r.get("t")).toList();
    }

    /** Rows per tenant table for one tenant, plus its registry row. */
    public static Map<String, Long> footprint(UUID tenant) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tenantTables()) {
            counts.put(table, count("select count(*) from " + table + " where tenant_id = ?", tenant));
        }
        counts.put("tenants", count("select count(*) from tenants where id = ?", tenant));
        return counts;
    }

    public static long totalRows() {
        long total = count("select count(*) from tenants");
        for (String table : tenantTables()) {
            total += count("select count(*) from " + table);
        }
        return total;
    }
}
