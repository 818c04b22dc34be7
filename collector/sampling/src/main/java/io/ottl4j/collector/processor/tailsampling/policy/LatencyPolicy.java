package io.ottl4j.collector.processor.tailsampling.policy;

import io.ottl4j.pdata.Span;

/**
 * {@code latency}: d = max(end) − min(start) over the spans seen so far, in whole milliseconds (truncated,
 * as Go's {@code Duration.Milliseconds}). Without an upper bound: d ≥ threshold; with one:
 * threshold < d ≤ upper. Evaluated while iterating, so it can stop at the first span that satisfies it.
 */
public final class LatencyPolicy implements PolicyEvaluator {
    private final long thresholdMs;
    private final long upperMs;

    public LatencyPolicy(long thresholdMs, long upperMs) {
        this.thresholdMs = thresholdMs;
        this.upperMs = upperMs;
    }

    @Override
    public Decision evaluate(TraceData trace) {
        long min = 0;
        long max = 0;
        for (TraceData.Chunk c : trace.chunks()) {
            for (Span s : c.spans()) {
                if (min == 0 || Long.compareUnsigned(s.startTimeUnixNano(), min) < 0) {
                    min = s.startTimeUnixNano();
                }
                if (max == 0 || Long.compareUnsigned(s.endTimeUnixNano(), max) > 0) {
                    max = s.endTimeUnixNano();
                }
                long ms = (max - min) / 1_000_000;
                if (upperMs == 0 ? ms >= thresholdMs : thresholdMs < ms && ms <= upperMs) {
                    return Decision.SAMPLED;
                }
            }
        }
        return Decision.NOT_SAMPLED;
    }

    @Override
    public boolean stateful() {
        return upperMs != 0; // more spans can push the duration above the upper bound
    }
}
