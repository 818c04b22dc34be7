package io.ottl4j.pdata;

/** A gauge or sum point (OTLP {@code NumberDataPoint}): an int or a double value. */
public final class NumberDataPoint extends DataPoint {
    /** Which member of the value oneof is set (also used by {@link Exemplar}). */
    public enum NumberKind {
        EMPTY,
        INT,
        DOUBLE
    }

    private NumberKind valueKind = NumberKind.EMPTY;
    private long intValue;
    private double doubleValue;

    @Override
    public boolean fits(MetricType type) {
        return type.isNumber();
    }

    public NumberKind valueKind() {
        return valueKind;
    }

    /** The int value, or 0 when the point holds a double (as pdata). */
    public long intValue() {
        return valueKind == NumberKind.INT ? intValue : 0;
    }

    /** Sets the value and switches the point to {@link NumberKind#INT}. */
    public void setIntValue(long value) {
        valueKind = NumberKind.INT;
        intValue = value;
        doubleValue = 0;
    }

    /** The double value, or 0.0 when the point holds an int (as pdata). */
    public double doubleValue() {
        return valueKind == NumberKind.DOUBLE ? doubleValue : 0.0;
    }

    /** Sets the value and switches the point to {@link NumberKind#DOUBLE}. */
    public void setDoubleValue(double value) {
        valueKind = NumberKind.DOUBLE;
        doubleValue = value;
        intValue = 0;
    }

    /** Unsets the value ({@link NumberKind#EMPTY}). */
    public void clearValue() {
        valueKind = NumberKind.EMPTY;
        intValue = 0;
        doubleValue = 0;
    }

    @Override
    public NumberDataPoint deepCopy() {
        NumberDataPoint c = copyCommonTo(new NumberDataPoint());
        c.valueKind = valueKind;
        c.intValue = intValue;
        c.doubleValue = doubleValue;
        return c;
    }

    @Override
    public String toString() {
        return "NumberDataPoint{" + (valueKind == NumberKind.DOUBLE ? doubleValue : valueKind == NumberKind.INT ? intValue : "empty")
                + ", " + attributes() + "}";
    }
}
