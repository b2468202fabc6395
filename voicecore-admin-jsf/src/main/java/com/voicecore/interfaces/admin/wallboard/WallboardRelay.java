package com.voicecore.interfaces.admin.wallboard;

import com.voicecore.application.realtime.Audience;
import com.voicecore.application.realtime.RealtimeEvent;
import com.voicecore.application.realtime.RealtimeFeed;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Feeds the open wallboards: every committed presence change, queue snapshot and call event of a
 * tenant (from any node, through the same LISTEN/NOTIFY feed the agents' sockets use) becomes a
 * "changed" push on the {@code wallboard} channel to that tenant's wallboards only (the channel's user
 * is the tenant id, taken from the signed-in identity when the page rendered, never from the browser).
 * The push carries no data: the page redraws itself with an Ajax request that runs in the signed-in
 * user's tenant, so what it shows is always the services' answer, escaped by Faces.
 * Offers addressed to one agent ({@link Audience#AGENT}) change nothing a wallboard shows. Pushes are
 * coalesced per tenant ({@link PushCoalescer}): at most one per {@link #PUSH_INTERVAL}, the last change
 * of a burst always followed by one.
 */
@ApplicationScoped
public class WallboardRelay {

    /** The push message: the f:ajax event the page listens for. */
    static final String CHANGED = "changed";

    /** At most two redraws a second per wallboard: live enough for people, cheap in a burst. */
    static final Duration PUSH_INTERVAL = Duration.ofMillis(500);

    @Inject
    RealtimeFeed feed;

    @Inject
    @Push(channel = "wallboard")
    PushContext wallboards;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private PushCoalescer<UUID> coalescer;

    private AutoCloseable subscription;

    @PostConstruct
    void init() {
        coalescer = new PushCoalescer<>(PUSH_INTERVAL, clock,
                (task, delay) -> scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS), this::push);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        subscription = feed.subscribe(this::relay);
    }

    void relay(RealtimeEvent event) {
        if (event.audience() == Audience.AGENT) {
            return;
        }
        coalescer.signal(event.tenantId());
    }

    /** Failures are the coalescer's to log: the feed's thread must go on for the agents' sockets. */
    private void push(UUID tenant) {
        wallboards.send(CHANGED, tenant.toString());
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
