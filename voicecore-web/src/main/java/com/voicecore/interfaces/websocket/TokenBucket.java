package com.voicecore.interfaces.websocket;

/** One socket's message allowance: {@code burst} at once, {@code perSecond} sustained. */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    TokenBucket(int burst, double perSecond, long nowNanos) {
        this.capacity = burst;
        this.perNano = perSecond / 1e9;
        this.tokens = burst;
        this.last = nowNanos;
    }

    synchronized boolean tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
