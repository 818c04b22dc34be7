package io.ottl4j.pdata;

import java.util.Objects;

/** A link from a span to another span (OTLP {@code Span.Link}). */
public final class SpanLink {
    private TraceId traceId = TraceId.EMPTY;
    private SpanId spanId = SpanId.EMPTY;
    private String traceState = "";
    private final AttributeMap attributes = new AttributeMap();
    private int droppedAttributesCount;
    private int flags;

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

    public String traceState() {
        return traceState;
    }

    public void setTraceState(String traceState) {
        this.traceState = Objects.requireNonNull(traceState, "traceState");
    }

    public AttributeMap attributes() {
        return attributes;
    }

    /** An OTLP uint32. */
    public int droppedAttributesCount() {
        return droppedAttributesCount;
    }

    public void setDroppedAttributesCount(int count) {
        this.droppedAttributesCount = count;
    }

    /** An OTLP fixed32: W3C trace flags in the low byte, plus the is-remote bits. */
    public int flags() {
        return flags;
    }

    public void setFlags(int flags) {
        this.flags = flags;
    }

    public SpanLink deepCopy() {
        SpanLink c = new SpanLink();
        c.traceId = traceId;
        c.spanId = spanId;
        c.traceState = traceState;
        c.attributes.copyFrom(attributes);
        c.droppedAttributesCount = droppedAttributesCount;
        c.flags = flags;
        return c;
    }

    @Override
    public String toString() {
        return "SpanLink{" + traceId + "/" + spanId + "}";
    }
}
