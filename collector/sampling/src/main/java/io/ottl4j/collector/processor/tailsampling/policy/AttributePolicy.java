package io.ottl4j.collector.processor.tailsampling.policy;

import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.Span;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The shape shared by {@code string_attribute}, {@code numeric_attribute} and {@code boolean_attribute}:
 * Sampled when the resource or a span carries a matching value under {@code key}. With {@code invert_match}
 * the answer is InvertNotSampled as soon as a resource or span matches (an absent key counts as not
 * matching), InvertSampled otherwise; with upstream's gate {@code disableinvertdecisions} those become plain
 * NotSampled / Sampled.
 */
abstract class AttributePolicy implements PolicyEvaluator {
    private final String key;
    private final boolean invert;
    private final boolean plainInverted;

    AttributePolicy(String key, boolean invert, boolean disableInvertDecisions) {
        this.key = key;
        this.invert = invert;
        this.plainInverted = disableInvertDecisions;
    }

    /** Whether a resource attribute value matches. */
    abstract boolean matchesResource(Object value);

    /** Whether a span attribute value matches (string_attribute ignores empty strings on spans). */
    boolean matchesSpan(Object value) {
        return matchesResource(value);
    }

    @Override
    public Decision evaluate(TraceData trace) {
        // a resource is shared by many chunks: look at each one once
        List<TraceData.Chunk> chunks = trace.chunks();
        IdentityHashMap<ResourceGroup<Span>, Boolean> seen = chunks.size() > 1 ? new IdentityHashMap<>() : null;
        for (TraceData.Chunk c : chunks) {
            ResourceGroup<Span> rg = c.resource();
            if (seen == null || seen.put(rg, Boolean.TRUE) == null) {
                Object v = rg.resource().attributes().get(key);
                boolean m = v != null && matchesResource(v);
                if (m) {
                    return invert ? notSampled() : Decision.SAMPLED;
                }
            }
            for (Span s : c.spans()) {
                AttributeMap a = s.attributes();
                Object v = a.get(key);
                if (v != null && matchesSpan(v)) {
                    return invert ? notSampled() : Decision.SAMPLED;
                }
            }
        }
        return invert ? (plainInverted ? Decision.SAMPLED : Decision.INVERT_SAMPLED) : Decision.NOT_SAMPLED;
    }

    private Decision notSampled() {
        return plainInverted ? Decision.NOT_SAMPLED : Decision.INVERT_NOT_SAMPLED;
    }

    /** Go's {@code Value.Str()}: the string, or "" for another type. */
    static String str(Object v) {
        return v instanceof String s ? s : "";
    }

}
