package io.ottl4j.collector.processor.tailsampling.policy;

import java.util.List;

/** {@code and}: Sampled when no sub-policy says NotSampled or InvertNotSampled. */
public final class AndPolicy implements PolicyEvaluator {
    private final List<PolicyEvaluator> subs;

    public AndPolicy(List<PolicyEvaluator> subs) {
        this.subs = List.copyOf(subs);
    }

    @Override
    public Decision evaluate(TraceData trace) throws Exception {
        for (PolicyEvaluator p : subs) {
            Decision d = p.evaluate(trace);
            if (d == Decision.NOT_SAMPLED || d == Decision.INVERT_NOT_SAMPLED) {
                return Decision.NOT_SAMPLED;
            }
        }
        return Decision.SAMPLED;
    }

    @Override
    public boolean stateful() {
        return subs.stream().anyMatch(PolicyEvaluator::stateful);
    }
}
