package com.voicecore.infrastructure.realtime;

import com.voicecore.application.realtime.RealtimeEvent;
import com.voicecore.application.realtime.RealtimeFeed;
import com.voicecore.infrastructure.persistence.notify.NotificationStream;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's end of the announcement bus: one thread holding one LISTEN connection, handing every
 * committed announcement to the subscribers (the WebSocket broadcaster). If the connection breaks it
 * reconnects with backoff; announcements committed meanwhile are not replayed, so subscribers are told
 * to resynchronise (they re-read presence from the database, the truth).
 */
@Singleton
@Startup
@jakarta.ejb.DependsOn("SchemaMigrator") // the runtime role it connects as is created by the migration step
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@jakarta.ejb.LocalBean // also its own view: the console's system health asks whether this node listens
@jakarta.ejb.Local(RealtimeFeed.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PgRealtimeFeed implements RealtimeFeed {

    private static final Logger LOG = Logger.getLogger(PgRealtimeFeed.class.getName());

    private final List<Consumer<RealtimeEvent>> receivers = new CopyOnWriteArrayList<>();
    private final List<Runnable> resyncs = new CopyOnWriteArrayList<>();

    @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "voicecore.db.url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/voicecore")
    String url;

    @Inject
    @ConfigProperty(name = "voicecore.db.app.user", defaultValue = "voicecore_app")
    String user;

    @Inject
    @ConfigProperty(name = "voicecore.db.app.password", defaultValue = "")
    String password;

    private volatile boolean running;
    private volatile boolean connected;
    private Thread thread;

    @PostConstruct
    void start() {
        running = true;
        thread = threads.newThread(this::listen);
        thread.setName("voicecore-realtime-listen");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<RealtimeEvent> receiver) {
        receivers.add(receiver);
        return () -> receivers.remove(receiver);
    }

    @Override
    public AutoCloseable onResync(Runnable resync) {
        resyncs.add(resync);
        return () -> resyncs.remove(resync);
    }

    /** Whether this node currently listens (readiness of the real-time layer). */
    public boolean isListening() {
        return connected;
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(200);
        boolean first = true;
        while (running) {
            try (NotificationStream stream = NotificationStream.open(url, user, password, NotifyCodec.CHANNEL)) {
                connected = true;
                backoff = Duration.ofMillis(200);
                if (!first) {
                    resyncs.forEach(PgRealtimeFeed::safely);
                }
                first = false;
                while (running) {
                    for (String payload : stream.poll(Duration.ofMillis(500))) {
                        NotifyCodec.decode(payload).ifPresent(this::deliver);
                    }
                }
            } catch (Exception e) {
                connected = false;
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "Real-time listener lost its database connection; reconnecting in "
                        + backoff.toMillis() + " ms: " + e.getMessage());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
        }
        connected = false;
    }

    private void deliver(RealtimeEvent event) {
        for (Consumer<RealtimeEvent> r : receivers) {
            try {
                r.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A real-time receiver failed", e);
            }
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A real-time resync failed", e);
        }
    }
}
