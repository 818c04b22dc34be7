package io.ottl4j.pdata;

import java.util.Objects;

/** A timed event inside a span (OTLP {@code Span.Event}). */
public final class SpanEvent {
    private long timeUnixNano;
    private String name = "";
    private final AttributeMap attributes = new AttributeMap();
    private int droppedAttributesCount;

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

    public SpanEvent deepCopy() {
        SpanEvent c = new SpanEvent();
        c.timeUnixNano = timeUnixNano;
        c.name = name;
        c.attributes.copyFrom(attributes);
        c.droppedAttributesCount = droppedAttributesCount;
        return c;
    }

    @Override
    public String toString() {
        return "SpanEvent{" + name + ", " + attributes + "}";
    }
}
