package com.voicecore.infrastructure.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds which tenant a Twilio webhook is for (db/V3 platform.resolve_tenant_by_number): the one
 * cross-tenant read a webhook needs before it can be checked with that tenant's token.
 */
@ApplicationScoped
public class TelephonyDirectory {

    /** A number's owner and whether it takes calls. */
    public record NumberOwner(UUID tenantId, boolean active) {
    }

    @Resource(lookup = "java:jboss/datasources/VoiceCoreDS")
    private DataSource dataSource;

    public Optional<NumberOwner> ownerOf(String e164, String accountSid) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select tenant_id, tenant_status from platform.resolve_tenant_by_number(?, ?)")) {
            ps.setString(1, e164);
            ps.setString(2, accountSid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new NumberOwner(rs.getObject(1, UUID.class), "active".equals(rs.getString(2))));
            }
        } catch (SQLException e) {
            throw new PlatformPathException(e);
        }
    }

    /** The tenant's own registry row (a tenant may read it under RLS): active or suspended. */
    public boolean isActive(UUID tenant) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select status from tenants where id = ?")) {
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && "active".equals(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new PlatformPathException(e);
        }
    }
}
