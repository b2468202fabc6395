package com.voicecore.interfaces.websocket;

import com.voicecore.application.realtime.RealtimeEvent;
import com.voicecore.application.realtime.RealtimeFeed;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Feeds the broadcaster: takes the committed announcements arriving at this node (from the EJB
 * module's LISTEN connection) and fires them as asynchronous CDI events in this web module, so the
 * listening thread never waits for sockets. The events are delivered on one thread of their own, so
 * every socket receives them in commit order (the container's shared async pool would run two
 * announcements side by side and could deliver a newer one first).
 */
@ApplicationScoped
public class RealtimeRelay {

    private static final Logger LOG = Logger.getLogger(RealtimeRelay.class.getName());

    @Inject
    RealtimeFeed feed;

    @Inject
    @Realtime
    Event<RealtimeEvent> events;

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService inOrder;
    @Inject
    AgentProtocol protocol;

    private AutoCloseable subscription;
    private AutoCloseable resync;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        inOrder = Executors.newSingleThreadExecutor(threads);
        NotificationOptions options = NotificationOptions.ofExecutor(inOrder);
        subscription = feed.subscribe(event -> events.fireAsync(event, options).exceptionally(e -> {
            LOG.log(Level.WARNING, "Broadcasting a real-time event failed", e);
            return null;
        }));
        resync = feed.onResync(() -> inOrder.execute(protocol::resync));
    }

    @PreDestroy
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {subscription, resync}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // shutting down
                }
            }
        }
        if (inOrder != null) {
            inOrder.shutdown();
        }
    }
}
