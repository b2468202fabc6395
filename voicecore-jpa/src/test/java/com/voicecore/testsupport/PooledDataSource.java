package com.voicecore.testsupport;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;

/**
 * A minimal connection pool for tests, so that hundreds of generated examples do not each pay for
 * a PostgreSQL login. Like the application server's pool it keeps physical connections, session
 * state and all: a returned connection is only rolled back and put back in autocommit. That is on
 * purpose: a tenant context that outlived its transaction would show up in the next borrower.
 */
public final class PooledDataSource implements DataSource, AutoCloseable {

    private final DataSource physical;
    private final int maxIdle;
    private final Deque<Connection> idle = new ArrayDeque<>();

    public PooledDataSource(DataSource physical, int maxIdle) {
        this.physical = physical;
        this.maxIdle = maxIdle;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c;
        synchronized (idle) {
            c = idle.poll();
        }
        if (c == null || c.isClosed()) {
            c = physical.getConnection();
        }
        Connection target = c;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new InvocationHandler() {
                    private boolean closed;

                    @Override
                    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                        switch (method.getName()) {
                            case "close":
                                if (!closed) {
                                    closed = true;
                                    giveBack(target);
                                }
                                return null;
                            case "isClosed":
                                return closed || target.isClosed();
                            case "unwrap":
                                return ((Class<?>) args[0]).isInstance(proxy) ? proxy : target.unwrap((Class<?>) args[0]);
                            case "isWrapperFor":
                                return ((Class<?>) args[0]).isInstance(proxy) || target.isWrapperFor((Class<?>) args[0]);
                            default:
                                if (closed) {
                                    throw new SQLException("Connection is closed");
                                }
                                try {
                                    return method.invoke(target, args);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                        }
                    }
                });
    }

    private void giveBack(Connection c) throws SQLException {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            c.close();
            return;
        }
        synchronized (idle) {
            if (!c.isClosed() && idle.size() < maxIdle) {
                idle.push(c);
                return;
            }
        }
        c.close();
    }

    @Override
    public void close() throws SQLException {
        synchronized (idle) {
            for (Connection c : idle) {
                c.close();
            }
            idle.clear();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("one user per pool");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return physical.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || physical.isWrapperFor(iface);
    }
}
