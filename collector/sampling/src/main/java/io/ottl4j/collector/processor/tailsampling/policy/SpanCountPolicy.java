package io.ottl4j.collector.processor.tailsampling.policy;

/** {@code span_count}: at least {@code min_spans} and, when {@code max_spans} is set, at most that many. */
public final class SpanCountPolicy implements PolicyEvaluator {
    private final int min;
    private final int max;

    public SpanCountPolicy(int min, int max) {
        this.min = min;
        this.max = max;
    }

    @Override
    public Decision evaluate(TraceData trace) {
        int n = trace.spanCount();
        return n >= min && (max == 0 || n <= max) ? Decision.SAMPLED : Decision.NOT_SAMPLED;
    }

    @Override
    public boolean stateful() {
        return max != 0;
    }
}
