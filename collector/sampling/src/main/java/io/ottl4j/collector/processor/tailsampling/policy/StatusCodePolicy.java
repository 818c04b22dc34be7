package io.ottl4j.collector.processor.tailsampling.policy;

/** {@code status_code}: a span whose status code is one of the configured ones. */
public final class StatusCodePolicy implements PolicyEvaluator {
    /** Bit per OTLP status code (UNSET 0, OK 1, ERROR 2). */
    private final int mask;

    public StatusCodePolicy(int mask) {
        this.mask = mask;
    }

    @Override
    public Decision evaluate(TraceData trace) {
        // the trace keeps a summary of its spans' status codes as they arrive
        return (trace.statusMask() & mask) != 0 ? Decision.SAMPLED : Decision.NOT_SAMPLED;
    }
}
