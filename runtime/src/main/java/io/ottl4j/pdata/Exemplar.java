package io.ottl4j.pdata;

import io.ottl4j.pdata.NumberDataPoint.NumberKind;
import java.util.Objects;

/** A sample measurement attached to a data point (OTLP {@code Exemplar}). */
public final class Exemplar {
    private final AttributeMap filteredAttributes = new AttributeMap();
    private long timeUnixNano;
    private NumberKind valueKind = NumberKind.EMPTY;
    private long intValue;
    private double doubleValue;
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
        return valueKind;
    }

    /** The int value, or 0 when the exemplar holds a double. */
    public long intValue() {
        return valueKind == NumberKind.INT ? intValue : 0;
    }

    /** Sets the value and switches to {@link NumberKind#INT}. */
    public void setIntValue(long value) {
        valueKind = NumberKind.INT;
        intValue = value;
        doubleValue = 0;
    }

    /** The double value, or 0.0 when the exemplar holds an int. */
    public double doubleValue() {
        return valueKind == NumberKind.DOUBLE ? doubleValue : 0.0;
    }

    /** Sets the value and switches to {@link NumberKind#DOUBLE}. */
    public void setDoubleValue(double value) {
        valueKind = NumberKind.DOUBLE;
        doubleValue = value;
        intValue = 0;
    }

    public void clearValue() {
        valueKind = NumberKind.EMPTY;
        intValue = 0;
        doubleValue = 0;
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
        c.valueKind = valueKind;
        c.intValue = intValue;
        c.doubleValue = doubleValue;
        c.spanId = spanId;
        c.traceId = traceId;
        return c;
    }
}
