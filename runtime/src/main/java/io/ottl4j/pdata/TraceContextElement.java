package io.ottl4j.pdata;

import java.util.Objects;

/**
 * An {@link AttributedElement} that also names a trace and span and carries W3C trace flags (span, span
 * link, log record). Package-private: its public methods are part of each subclass's API.
 */
abstract class TraceContextElement extends AttributedElement {
    private TraceId traceId = TraceId.EMPTY;
    private SpanId spanId = SpanId.EMPTY;
    private int flags;

    TraceContextElement() {}

    public TraceId traceId() {
        return traceId;
    }

    public void setTraceId(TraceId traceId) {
        this.traceId = Objects.requireNonNull(traceId, "traceId");
    }

    public SpanId spanId() {
        return spanId;
    }

    public void setSpanId(SpanId spanId) {
        this.spanId = Objects.requireNonNull(spanId, "spanId");
    }

    /** An OTLP fixed32: W3C trace flags in the low byte (spans and links add the is-remote bits). */
    public int flags() {
        return flags;
    }

    public void setFlags(int flags) {
        this.flags = flags;
    }

    /** Replaces the attributes (deeply), dropped count, ids and flags with {@code other}'s. */
    final void copyTraceContextFrom(TraceContextElement other) {
        copyAttributesFrom(other);
        traceId = other.traceId;
        spanId = other.spanId;
        flags = other.flags;
    }
}
