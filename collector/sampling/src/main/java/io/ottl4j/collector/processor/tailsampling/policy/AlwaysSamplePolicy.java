package io.ottl4j.collector.processor.tailsampling.policy;

/** {@code always_sample}. */
public final class AlwaysSamplePolicy implements PolicyEvaluator {
    @Override
    public Decision evaluate(TraceData trace) {
        return Decision.SAMPLED;
    }
}
