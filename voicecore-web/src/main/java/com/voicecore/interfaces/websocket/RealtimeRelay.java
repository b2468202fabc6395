package com.voicecore.interfaces.websocket;

import com.voicecore.application.realtime.RealtimeEvent;
import com.voicecore.application.realtime.RealtimeFeed;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Feeds the broadcaster: takes the committed announcements arriving at this node (from the EJB
 * module's LISTEN connection) and fires them as asynchronous CDI events in this web module, so the
 * listening thread never waits for sockets.
 */
@ApplicationScoped
public class RealtimeRelay {

    private static final Logger LOG = Logger.getLogger(RealtimeRelay.class.getName());

    @Inject
    RealtimeFeed feed;

    @Inject
    @Realtime
    Event<RealtimeEvent> events;

    private AutoCloseable subscription;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        subscription = feed.subscribe(event -> events.fireAsync(event).exceptionally(e -> {
            LOG.log(Level.WARNING, "Broadcasting a real-time event failed", e);
            return null;
        }));
    }

    @PreDestroy
    void stop() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // shutting down
            }
        }
    }
}
