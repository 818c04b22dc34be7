package io.ottl4j.collector.processor.tailsampling.policy;

/**
 * {@code rate_limiting} ({@code spans_per_second}, {@code burst_capacity}) and {@code bytes_limiting}
 * ({@code bytes_per_second}, {@code burst_capacity}): a trace passes when the bucket holds its span count
 * (or its protobuf size) in tokens.
 */
public final class RateLimitingPolicy implements PolicyEvaluator {
    private final TokenBucket bucket;
    private final boolean bytes;

    public RateLimitingPolicy(double perSecond, double burst, boolean bytes, NanoClock clock) {
        this.bucket = new TokenBucket(perSecond, burst, clock);
        this.bytes = bytes;
    }

    @Override
    public Decision evaluate(TraceData trace) {
        double n = bytes ? trace.byteSize() : trace.spanCount();
        return bucket.allow(n) ? Decision.SAMPLED : Decision.NOT_SAMPLED;
    }

    @Override
    public boolean stateful() {
        return true;
    }

    public boolean needsBytes() {
        return bytes;
    }
}
