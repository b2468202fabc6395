package com.voicecore.infrastructure.platform;

import com.voicecore.application.exception.DuplicateEntityException;
import com.voicecore.domain.model.registry.DeletionReceipt;
import com.voicecore.domain.model.audit.PlatformAuditLog;
import com.voicecore.domain.model.registry.TenantRegistry;
import com.voicecore.domain.model.spam.PlatformSpamList;
import com.voicecore.domain.model.user.LoginLockout;
import com.voicecore.domain.model.user.PlatformAdmin;
import com.voicecore.domain.model.user.PlatformAdminRepository;
import com.voicecore.domain.model.registry.TenantSummary;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The narrow platform path: the SECURITY DEFINER functions of schema {@code platform} (db/V3), called
 * on the runtime datasource inside the caller's transaction. Nothing else in the application crosses
 * tenants.
 */
@ApplicationScoped
public class PlatformGateway implements TenantRegistry, PlatformAdminRepository, PlatformAuditLog, PlatformSpamList {

    @Resource(lookup = "java:jboss/datasources/VoiceCoreDS")
    private DataSource dataSource;

    /** Presented to the functions that list, create or delete tenants (db/V3, require_platform_key). */
    @Inject
    @ConfigProperty(name = "voicecore.platform.api-key")
    Optional<String> platformKey;

    @Override
    public UUID register(String name, String domain) {
        try {
            return registryQuery("select platform.create_tenant(?, ?)", ps -> {
                ps.setString(1, name);
                ps.setString(2, domain);
            }, rs -> rs.getObject(1, UUID.class)).orElseThrow();
        } catch (PlatformPathException e) {
            if (e.isUniqueViolation()) {
                throw new DuplicateEntityException("domain", "Another tenant already uses that domain");
            }
            throw e;
        }
    }

    @Override
    public List<TenantSummary> list(int limit, int offset) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select * from platform.list_tenants(?, ?)")) {
            presentPlatformKey(c);
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            List<TenantSummary> tenants = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tenants.add(summary(rs));
                }
            }
            return tenants;
        } catch (SQLException e) {
            throw new PlatformPathException(e);
        }
    }

    @Override
    public long count() {
        return registryQuery("select platform.count_tenants()", ps -> { }, rs -> rs.getLong(1)).orElse(0L);
    }

    @Override
    public Optional<TenantSummary> find(UUID id) {
        return registryQuery("select * from platform.get_tenant(?)", ps -> ps.setObject(1, id), PlatformGateway::summary);
    }

    @Override
    public Optional<DeletionReceipt> delete(UUID id, String requestedBy) {
        return registryQuery("select * from platform.delete_tenant(?, ?)", ps -> {
            ps.setObject(1, id);
            ps.setString(2, requestedBy);
        }, PlatformGateway::receipt);
    }

    @Override
    public Optional<DeletionReceipt> deletionReceipt(UUID tenantId) {
        return registryQuery("select * from platform.get_deletion_receipt(?)", ps -> ps.setObject(1, tenantId),
                PlatformGateway::receipt);
    }

    @Override
    public Optional<UUID> tenantOfApiKey(byte[] keySha256) {
        return query("select tenant_id from platform.authenticate_api_key(?)", ps -> ps.setBytes(1, keySha256),
                rs -> rs.getObject(1, UUID.class));
    }

    @Override
    public Optional<TenantSummary> changeStatus(UUID tenantId, String status) {
        return registryQuery("select * from platform.set_tenant_status(?, ?)", ps -> {
            ps.setObject(1, tenantId);
            ps.setString(2, status);
        }, PlatformGateway::summary);
    }

    @Override
    public Optional<UUID> resolveForSignIn(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 253) {
            return Optional.empty();
        }
        return query("select tenant_id from platform.resolve_console_tenant(?)", ps -> ps.setString(1, reference),
                rs -> rs.getObject(1, UUID.class));
    }

    // ---------------------------------------------------------------- platform admins (db/V11)

    @Override
    public Optional<PlatformAdmin> findByEmail(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return Optional.empty();
        }
        return registryQuery("select * from platform.find_platform_admin(?)", ps -> ps.setString(1, email),
                rs -> new PlatformAdmin(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                        rs.getString("password_hash"), new LoginLockout.State(rs.getInt("failed_logins"),
                        Optional.ofNullable(rs.getTimestamp("locked_until")).map(java.sql.Timestamp::toInstant).orElse(null))));
    }

    @Override
    public void saveLoginState(PlatformAdmin admin) {
        registryQuery("select platform.record_platform_admin_login(?, ?, ?)", ps -> {
            ps.setObject(1, admin.id());
            ps.setInt(2, admin.loginState().failedLogins());
            ps.setTimestamp(3, admin.loginState().lockedUntil() == null ? null
                    : java.sql.Timestamp.from(admin.loginState().lockedUntil()));
        }, rs -> Boolean.TRUE);
    }

    @Override
    public UUID add(String email, String displayName, String passwordHash) {
        try {
            return registryQuery("select platform.create_platform_admin(?, ?, ?)", ps -> {
                ps.setString(1, email);
                ps.setString(2, displayName);
                ps.setString(3, passwordHash);
            }, rs -> rs.getObject(1, UUID.class)).orElseThrow();
        } catch (PlatformPathException e) {
            if (e.isUniqueViolation()) {
                throw new DuplicateEntityException("email", "A platform admin with that e-mail already exists");
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- the platform's audit log (db/V11)

    @Override
    public void write(String actor, String action, UUID subjectTenant, String detail) {
        registryQuery("select platform.write_audit(?, ?, ?, ?)", ps -> {
            ps.setString(1, actor);
            ps.setString(2, action);
            ps.setObject(3, subjectTenant);
            ps.setString(4, detail);
        }, rs -> Boolean.TRUE);
    }

    @Override
    public List<PlatformAuditLog.Entry> latest(int limit, int offset) {
        List<PlatformAuditLog.Entry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select * from platform.list_audit(?, ?)")) {
            presentPlatformKey(c);
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new PlatformAuditLog.Entry(rs.getObject("id", UUID.class),
                            rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                            rs.getObject("subject_tenant", UUID.class), rs.getString("detail")));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new PlatformPathException(e);
        }
    }

    // ---------------------------------------------------------------- the platform spam list (db/V11)

    @Override
    public List<PlatformSpamList.Listed> listed(int minTenants, int limit) {
        List<PlatformSpamList.Listed> listed = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select * from platform.spam_list(?, ?)")) {
            presentPlatformKey(c);
            ps.setInt(1, minTenants);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    listed.add(new PlatformSpamList.Listed(rs.getString("number"), rs.getInt("tenants"),
                            rs.getTimestamp("last_reported").toInstant()));
                }
            }
            return listed;
        } catch (SQLException e) {
            throw new PlatformPathException(e);
        }
    }

    private <T> Optional<T> registryQuery(String sql, Binder binder, Mapper<T> mapper) {
        return query(sql, binder, mapper, true);
    }

    private <T> Optional<T> query(String sql, Binder binder, Mapper<T> mapper) {
        return query(sql, binder, mapper, false);
    }

    private <T> Optional<T> query(String sql, Binder binder, Mapper<T> mapper, boolean registry) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (registry) {
                presentPlatformKey(c);
            }
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PlatformPathException(e);
        }
    }

    /** Transaction-local, on the transaction's own connection, like the tenant context. */
    private void presentPlatformKey(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('app.platform_key', ?, true)")) {
            ps.setString(1, platformKey.orElse(""));
            ps.execute();
        }
    }

    private static TenantSummary summary(ResultSet rs) throws SQLException {
        return new TenantSummary(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("domain"),
                rs.getString("status"), rs.getTimestamp("created_at").toInstant());
    }

    private static DeletionReceipt receipt(ResultSet rs) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (JsonReader reader = Json.createReader(new StringReader(rs.getString("rows_deleted")))) {
            JsonObject json = reader.readObject();
            json.forEach((table, n) -> counts.put(table, ((JsonNumber) n).longValue()));
        }
        return new DeletionReceipt(rs.getObject("receipt_id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("completed_at").toInstant(), counts);
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
