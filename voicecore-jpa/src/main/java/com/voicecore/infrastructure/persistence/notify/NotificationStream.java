package com.voicecore.infrastructure.persistence.notify;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * One non-pooled connection that LISTENs on one channel. Deliberately outside the pool: a listening
 * connection lives as long as the node, and a pool would validate, recycle or hand it to a request.
 * It connects as the runtime role (LISTEN needs no table privilege), and never runs anything else.
 */
public final class NotificationStream implements AutoCloseable {

    private final Connection connection;
    private final PGConnection pg;

    private NotificationStream(Connection connection) throws SQLException {
        this.connection = connection;
        this.pg = connection.unwrap(PGConnection.class);
    }

    public static NotificationStream open(String jdbcUrl, String user, String password, String channel) throws SQLException {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("ApplicationName", "voicecore-listen");
        props.setProperty("tcpKeepAlive", "true");
        Connection c = new org.postgresql.Driver().connect(jdbcUrl, props);
        if (c == null) {
            throw new SQLException("Not a PostgreSQL URL");
        }
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("listen " + channel);
        }
        return new NotificationStream(c);
    }

    /** Waits up to {@code timeout} for notifications; returns their payloads (empty when none came). */
    public List<String> poll(Duration timeout) throws SQLException {
        PGNotification[] notifications = pg.getNotifications((int) Math.max(1, timeout.toMillis()));
        if (notifications == null) {
            if (connection.isClosed()) {
                throw new SQLException("The listening connection closed");
            }
            return List.of();
        }
        return java.util.Arrays.stream(notifications).map(PGNotification::getParameter).toList();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a broken connection: nothing left to do
        }
    }
}
