package io.ottl4j.collector.processor.tailsampling.policy;

import io.ottl4j.language.CompiledConditions;
import io.ottl4j.language.TransformContext;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import java.util.List;

/**
 * {@code ottl_condition}: Sampled when any span matches a {@code span} condition or any span event matches
 * a {@code spanevent} condition (each list ORed, compiled by our OTTL engine). Under error mode propagate a
 * condition's runtime error is the policy's evaluation error; ignore and silent skip the record.
 */
public final class OttlConditionPolicy implements PolicyEvaluator {
    private final CompiledConditions span;
    private final CompiledConditions event;

    public OttlConditionPolicy(CompiledConditions span, CompiledConditions event) {
        this.span = span;
        this.event = event;
    }

    @Override
    public Decision evaluate(TraceData trace) {
        for (TraceData.Chunk c : trace.chunks()) {
            for (Span s : c.spans()) {
                if (span != null && span.test(TransformContext.ofSpan(c.resource(), c.scope(), s))) {
                    return Decision.SAMPLED;
                }
                if (event != null) {
                    List<SpanEvent> events = s.events();
                    for (int i = 0; i < events.size(); i++) {
                        if (event.test(TransformContext.ofSpanEvent(c.resource(), c.scope(), s, events.get(i), i))) {
                            return Decision.SAMPLED;
                        }
                    }
                }
            }
        }
        return Decision.NOT_SAMPLED;
    }
}
