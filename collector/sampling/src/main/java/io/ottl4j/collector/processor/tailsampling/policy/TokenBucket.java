package io.ottl4j.collector.processor.tailsampling.policy;

/**
 * A token bucket refilled continuously at {@code rate} per second up to {@code burst}, starting full (Go's
 * {@code x/time/rate.Limiter}); {@code allow(n)} takes n tokens when they are all there.
 */
final class TokenBucket {
    private final double rate;
    private final double burst;
    private final NanoClock clock;
    private double tokens;
    private long last;

    TokenBucket(double rate, double burst, NanoClock clock) {
        this.rate = rate;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.last = clock.nanos();
    }

    synchronized boolean allow(double n) {
        long now = clock.nanos();
        if (now > last) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
            last = now;
        }
        if (n > burst || tokens < n) {
            return false;
        }
        tokens -= n;
        return true;
    }
}
