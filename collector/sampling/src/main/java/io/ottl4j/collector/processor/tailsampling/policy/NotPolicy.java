package io.ottl4j.collector.processor.tailsampling.policy;

/** {@code not}: swaps Sampled and NotSampled; other decisions pass through. */
public final class NotPolicy implements PolicyEvaluator {
    private final PolicyEvaluator sub;

    public NotPolicy(PolicyEvaluator sub) {
        this.sub = sub;
    }

    @Override
    public Decision evaluate(TraceData trace) throws Exception {
        Decision d = sub.evaluate(trace);
        return switch (d) {
            case SAMPLED -> Decision.NOT_SAMPLED;
            case NOT_SAMPLED -> Decision.SAMPLED;
            default -> d;
        };
    }

    @Override
    public boolean stateful() {
        return sub.stateful();
    }
}
