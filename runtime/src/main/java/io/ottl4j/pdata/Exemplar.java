package io.ottl4j.pdata;

import io.ottl4j.pdata.NumberDataPoint.NumberKind;
import java.util.Objects;

/** A sample measurement attached to a data point (OTLP {@code Exemplar}). */
public final class Exemplar {
    private final AttributeMap filteredAttributes = new AttributeMap();
    private long timeUnixNano;
    private final NumberValue value = new NumberValue();
    private SpanId spanId = SpanId.EMPTY;
    private TraceId traceId = TraceId.EMPTY;

    public AttributeMap filteredAttributes() {
        return filteredAttributes;
    }

    public long timeUnixNano() {
        return timeUnixNano;
    }

    public void setTimeUnixNano(long timeUnixNano) {
        this.timeUnixNano = timeUnixNano;
    }

    public NumberKind valueKind() {
        return value.kind();
    }

    /** The int value, or 0 when the exemplar holds a double. */
    public long intValue() {
        return value.intValue();
    }

    /** Sets the value and switches to {@link NumberKind#INT}. */
    public void setIntValue(long value) {
        this.value.setInt(value);
    }

    /** The double value, or 0.0 when the exemplar holds an int. */
    public double doubleValue() {
        return value.doubleValue();
    }

    /** Sets the value and switches to {@link NumberKind#DOUBLE}. */
    public void setDoubleValue(double value) {
        this.value.setDouble(value);
    }

    public void clearValue() {
        value.clear();
    }

    public SpanId spanId() {
        return spanId;
    }

    public void setSpanId(SpanId spanId) {
        this.spanId = Objects.requireNonNull(spanId, "spanId");
    }

    public TraceId traceId() {
        return traceId;
    }

    public void setTraceId(TraceId traceId) {
        this.traceId = Objects.requireNonNull(traceId, "traceId");
    }

    public Exemplar deepCopy() {
        Exemplar c = new Exemplar();
        c.filteredAttributes.copyFrom(filteredAttributes);
        c.timeUnixNano = timeUnixNano;
        c.value.copyFrom(value);
        c.spanId = spanId;
        c.traceId = traceId;
        return c;
    }
}
