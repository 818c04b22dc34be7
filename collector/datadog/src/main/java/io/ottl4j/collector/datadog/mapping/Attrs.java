package io.ottl4j.collector.datadog.mapping;

import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;

/**
 * Attribute lookups over a span and its resource, span attributes first (the current agent's semantics
 * accessor; the older helpers checked the resource first).
 */
public final class Attrs {
    private Attrs() {
    }

    /** The first non-empty value of {@code keys}, span then resource for each key, as a string; "" when none. */
    public static String get(AttributeMap span, AttributeMap resource, String... keys) {
        for (String k : keys) {
            String v = str(span == null ? null : span.get(k));
            if (v.isEmpty()) {
                v = str(resource == null ? null : resource.get(k));
            }
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    /** Like {@link #get} with the value normalized as a Datadog tag value. */
    public static String getNormalized(AttributeMap span, AttributeMap resource, String... keys) {
        String v = get(span, resource, keys);
        return v.isEmpty() ? v : Normalize.tagValue(v);
    }

    /** An integer-valued attribute (ints, whole doubles or numeric strings), span then resource; null when none. */
    public static Long getLong(AttributeMap span, AttributeMap resource, String... keys) {
        for (String k : keys) {
            Long v = asLong(span == null ? null : span.get(k));
            if (v == null) {
                v = asLong(resource == null ? null : resource.get(k));
            }
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    public static String str(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof String s ? s : AnyValue.asString(v);
    }

    static Long asLong(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return d.longValue();
        }
        if (v instanceof String s && !s.isEmpty()) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
