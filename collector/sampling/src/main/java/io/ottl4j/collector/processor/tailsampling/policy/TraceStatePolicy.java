package io.ottl4j.collector.processor.tailsampling.policy;

import java.util.Set;

/**
 * {@code trace_state}: a span whose W3C {@code tracestate} has {@code key} with one of the values. Values
 * whose pair would exceed the W3C member limit (256 characters) are ignored; an unparsable tracestate
 * matches nothing.
 */
public final class TraceStatePolicy implements PolicyEvaluator {
    private final String key;
    private final Set<String> values;

    public TraceStatePolicy(String key, java.util.List<String> values) {
        this.key = key;
        this.values = Set.copyOf(values.stream().filter(v -> key.length() + v.length() < 256).toList());
    }

    @Override
    public Decision evaluate(TraceData trace) throws Exception {
        return trace.anySpan((r, s, span) -> {
            String v = W3CTraceState.get(span.traceState(), key);
            return v != null && values.contains(v);
        }) ? Decision.SAMPLED : Decision.NOT_SAMPLED;
    }
}
