package io.ottl4j.pdata;

import java.util.Objects;

/** A link from a span to another span (OTLP {@code Span.Link}). */
public final class SpanLink extends TraceContextElement {
    private String traceState = "";

    public String traceState() {
        return traceState;
    }

    public void setTraceState(String traceState) {
        this.traceState = Objects.requireNonNull(traceState, "traceState");
    }

    public SpanLink deepCopy() {
        SpanLink c = new SpanLink();
        c.copyTraceContextFrom(this);
        c.traceState = traceState;
        return c;
    }

    @Override
    public String toString() {
        return "SpanLink{" + traceId() + "/" + spanId() + "}";
    }
}
