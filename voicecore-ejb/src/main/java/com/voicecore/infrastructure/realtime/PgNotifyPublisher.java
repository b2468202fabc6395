package com.voicecore.infrastructure.realtime;

import com.voicecore.application.realtime.RealtimeEvent;
import com.voicecore.application.realtime.RealtimePublisher;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@code pg_notify} on the transaction's own connection: PostgreSQL holds the notification until the
 * transaction commits, then delivers it to every listening node (this one included), in commit order;
 * a rollback drops it. So a client never hears of a change that did not happen.
 */
@ApplicationScoped
public class PgNotifyPublisher implements RealtimePublisher {

    @Resource(lookup = "java:jboss/datasources/VoiceCoreDS")
    private DataSource dataSource;

    @Override
    public void publish(RealtimeEvent event) {
        String payload = NotifyCodec.encode(event);
        if (payload.getBytes(StandardCharsets.UTF_8).length > NotifyCodec.MAX_PAYLOAD) {
            throw new IllegalArgumentException("A real-time message is limited to " + NotifyCodec.MAX_PAYLOAD + " bytes");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
            ps.setString(1, NotifyCodec.CHANNEL);
            ps.setString(2, payload);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot announce the change", e);
        }
    }
}
