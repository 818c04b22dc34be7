package io.ottl4j.pdata;

import java.util.Objects;

/** A timed event inside a span (OTLP {@code Span.Event}). */
public final class SpanEvent extends AttributedElement {
    private long timeUnixNano;
    private String name = "";

    /** An OTLP fixed64 (unsigned); nanoseconds since the epoch. */
    public long timeUnixNano() {
        return timeUnixNano;
    }

    public void setTimeUnixNano(long timeUnixNano) {
        this.timeUnixNano = timeUnixNano;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public SpanEvent deepCopy() {
        SpanEvent c = new SpanEvent();
        c.timeUnixNano = timeUnixNano;
        c.name = name;
        c.copyAttributesFrom(this);
        return c;
    }

    @Override
    public String toString() {
        return "SpanEvent{" + name + ", " + attributes() + "}";
    }
}
