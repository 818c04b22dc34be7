package io.ottl4j.collector.processor.tailsampling.policy;

import java.util.List;

/**
 * {@code composite}: sub-policies in order; the first that samples decides. It samples when its spans in
 * the current wall-clock second plus the trace's would stay within its allocation and within
 * {@code max_total_spans_per_second} (upstream compares each sub-policy's own counter with the total);
 * otherwise the trace is not sampled, and the counter is left for a smaller trace. Counters reset every second.
 */
public final class CompositePolicy implements PolicyEvaluator {
    /** A sub-policy with its share of spans per second. */
    public record Sub(String name, PolicyEvaluator evaluator, long allocatedPerSecond) {
    }

    private final List<Sub> subs;
    private final long[] counters;
    private final long maxTotal;
    private final NanoClock clock;
    private long second = Long.MIN_VALUE;

    public CompositePolicy(List<Sub> subs, long maxTotal, NanoClock clock) {
        this.subs = List.copyOf(subs);
        this.counters = new long[subs.size()];
        this.maxTotal = maxTotal;
        this.clock = clock;
    }

    @Override
    public synchronized Decision evaluate(TraceData trace) throws Exception {
        long now = Math.floorDiv(clock.nanos(), 1_000_000_000L);
        if (now != second) {
            second = now;
            java.util.Arrays.fill(counters, 0);
        }
        for (int i = 0; i < subs.size(); i++) {
            Sub s = subs.get(i);
            if (s.evaluator().evaluate(trace).samples()) {
                long after = counters[i] + trace.spanCount();
                if (after <= s.allocatedPerSecond() && after <= maxTotal) {
                    counters[i] = after;
                    trace.setCompositePolicy(s.name());
                    return Decision.SAMPLED;
                }
                return Decision.NOT_SAMPLED;
            }
        }
        return Decision.NOT_SAMPLED;
    }

    @Override
    public boolean stateful() {
        return true;
    }
}
