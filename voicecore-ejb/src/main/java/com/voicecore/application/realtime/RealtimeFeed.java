package com.voicecore.application.realtime;

import java.util.function.Consumer;

/** The committed announcements arriving at this node, from any node. The WebSocket layer subscribes. */
public interface RealtimeFeed {

    /** Registers a receiver; returns a handle that unregisters it. */
    AutoCloseable subscribe(Consumer<RealtimeEvent> receiver);

    /**
     * Registers what to run once this node listens again after losing the feed: announcements committed
     * meanwhile are not replayed, so subscribers re-read the state they show.
     */
    AutoCloseable onResync(Runnable resync);
}
