package io.ottl4j.collector.processor.tailsampling.policy;

import java.util.List;

/** {@code drop}: Dropped when every sub-policy samples, otherwise NotSampled. Evaluated before other policies. */
public final class DropPolicy implements PolicyEvaluator {
    private final List<PolicyEvaluator> subs;

    public DropPolicy(List<PolicyEvaluator> subs) {
        this.subs = List.copyOf(subs);
    }

    @Override
    public Decision evaluate(TraceData trace) throws Exception {
        for (PolicyEvaluator p : subs) {
            if (!p.evaluate(trace).samples()) {
                return Decision.NOT_SAMPLED;
            }
        }
        return Decision.DROPPED;
    }

    @Override
    public boolean stateful() {
        return subs.stream().anyMatch(PolicyEvaluator::stateful);
    }
}
