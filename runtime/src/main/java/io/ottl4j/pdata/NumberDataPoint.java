package io.ottl4j.pdata;

/** A gauge or sum point (OTLP {@code NumberDataPoint}): an int or a double value. */
public final class NumberDataPoint extends DataPoint {
    /** Which member of the value oneof is set (also used by {@link Exemplar}). */
    public enum NumberKind {
        EMPTY,
        INT,
        DOUBLE
    }

    private final NumberValue value = new NumberValue();

    @Override
    public boolean fits(MetricType type) {
        return type.isNumber();
    }

    public NumberKind valueKind() {
        return value.kind();
    }

    /** The int value, or 0 when the point holds a double (as pdata). */
    public long intValue() {
        return value.intValue();
    }

    /** Sets the value and switches the point to {@link NumberKind#INT}. */
    public void setIntValue(long value) {
        this.value.setInt(value);
    }

    /** The double value, or 0.0 when the point holds an int (as pdata). */
    public double doubleValue() {
        return value.doubleValue();
    }

    /** Sets the value and switches the point to {@link NumberKind#DOUBLE}. */
    public void setDoubleValue(double value) {
        this.value.setDouble(value);
    }

    /** Unsets the value ({@link NumberKind#EMPTY}). */
    public void clearValue() {
        value.clear();
    }

    @Override
    public NumberDataPoint deepCopy() {
        NumberDataPoint c = copyCommonTo(new NumberDataPoint());
        c.value.copyFrom(value);
        return c;
    }

    @Override
    public String toString() {
        return "NumberDataPoint{" + value + ", " + attributes() + "}";
    }
}
