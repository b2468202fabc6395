package com.voicecore.application.realtime;

/**
 * Publishes an announcement as part of the current transaction: it reaches the nodes only if and when
 * the transaction commits, and is dropped with a rollback.
 */
public interface RealtimePublisher {

    void publish(RealtimeEvent event);
}
