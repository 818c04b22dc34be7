package io.ottl4j.collector.processor.tailsampling;

import io.ottl4j.collector.processor.tailsampling.policy.NanoClock;
import io.ottl4j.collector.processor.tailsampling.policy.PolicyEvaluator;

/**
 * A decoded policy: its name and type, and how to build its evaluator for one processor instance (stateful
 * evaluators, such as rate limits, must not be shared between pipelines).
 */
public record PolicySpec(String name, String type, Builder builder, boolean stateful, boolean needsBytes) {
    /** Builds an evaluator with the instance's clock and feature gates. */
    @FunctionalInterface
    public interface Builder {
        PolicyEvaluator build(NanoClock clock, boolean disableInvertDecisions);
    }

    public boolean isDrop() {
        return type.equals("drop");
    }
}
