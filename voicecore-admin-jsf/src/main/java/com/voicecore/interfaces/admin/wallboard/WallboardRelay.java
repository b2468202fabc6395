package com.voicecore.interfaces.admin.wallboard;

import com.voicecore.application.realtime.Audience;
import com.voicecore.application.realtime.RealtimeEvent;
import com.voicecore.application.realtime.RealtimeFeed;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Feeds the open wallboards: every committed presence change, queue snapshot and call event of a
 * tenant (from any node, through the same LISTEN/NOTIFY feed the agents' sockets use) becomes a
 * "changed" push on the {@code wallboard} channel to that tenant's wallboards only (the channel's user
 * is the tenant id, taken from the signed-in identity when the page rendered, never from the browser).
 * The push carries no data: the page redraws itself with an Ajax request that runs in the signed-in
 * user's tenant, so what it shows is always the services' answer, escaped by Faces.
 * Offers addressed to one agent ({@link Audience#AGENT}) change nothing a wallboard shows.
 */
@ApplicationScoped
public class WallboardRelay {

    /** The push message: the f:ajax event the page listens for. */
    static final String CHANGED = "changed";

    private static final Logger LOG = Logger.getLogger(WallboardRelay.class.getName());

    @Inject
    RealtimeFeed feed;

    @Inject
    @Push(channel = "wallboard")
    PushContext wallboards;

    private AutoCloseable subscription;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        subscription = feed.subscribe(this::relay);
    }

    void relay(RealtimeEvent event) {
        if (event.audience() == Audience.AGENT) {
            return;
        }
        try {
            wallboards.send(CHANGED, event.tenantId().toString());
        } catch (RuntimeException e) {
            // the feed's thread must go on for the agents' sockets
            LOG.log(Level.FINE, "A wallboard push failed", e);
        }
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
