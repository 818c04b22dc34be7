package io.ottl4j.collector.processor.tailsampling.policy;

import io.ottl4j.pdata.Span;

/** {@code status_code}: a span whose status code is one of the configured ones. */
public final class StatusCodePolicy implements PolicyEvaluator {
    /** Bit per OTLP status code (UNSET 0, OK 1, ERROR 2). */
    private final int mask;

    public StatusCodePolicy(int mask) {
        this.mask = mask;
    }

    @Override
    public Decision evaluate(TraceData trace) {
        for (TraceData.Chunk c : trace.chunks()) {
            var spans = c.spans();
            for (int i = 0, n = spans.size(); i < n; i++) {
                Span s = spans.get(i);
                int code = s.status().code();
                if (code >= 0 && code < 3 && (mask & (1 << code)) != 0) {
                    return Decision.SAMPLED;
                }
            }
        }
        return Decision.NOT_SAMPLED;
    }
}
