package io.ottl4j.collector.processor.tailsampling.policy;

/** {@code trace_flags}: a span with the W3C sampled flag. */
public final class TraceFlagsPolicy implements PolicyEvaluator {
    @Override
    public Decision evaluate(TraceData trace) throws Exception {
        return trace.anySpan((r, s, span) -> (span.flags() & 0x1) != 0) ? Decision.SAMPLED : Decision.NOT_SAMPLED;
    }
}
