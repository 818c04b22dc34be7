package io.ottl4j.pdata;

import io.ottl4j.pdata.NumberDataPoint.NumberKind;

/**
 * The int-or-double value oneof of {@link NumberDataPoint} and {@link Exemplar}: setting one member
 * switches the kind and zeroes the other, and a member that is not set reads as zero (as pdata).
 */
final class NumberValue {
    private NumberKind kind = NumberKind.EMPTY;
    private long intValue;
    private double doubleValue;

    NumberKind kind() {
        return kind;
    }

    long intValue() {
        return kind == NumberKind.INT ? intValue : 0;
    }

    double doubleValue() {
        return kind == NumberKind.DOUBLE ? doubleValue : 0.0;
    }

    void setInt(long value) {
        kind = NumberKind.INT;
        intValue = value;
        doubleValue = 0;
    }

    void setDouble(double value) {
        kind = NumberKind.DOUBLE;
        doubleValue = value;
        intValue = 0;
    }

    void clear() {
        kind = NumberKind.EMPTY;
        intValue = 0;
        doubleValue = 0;
    }

    void copyFrom(NumberValue other) {
        kind = other.kind;
        intValue = other.intValue;
        doubleValue = other.doubleValue;
    }

    /** The value as {@link NumberDataPoint#toString} shows it: the number, or {@code empty}. */
    @Override
    public String toString() {
        return switch (kind) {
            case DOUBLE -> String.valueOf(doubleValue);
            case INT -> String.valueOf(intValue);
            case EMPTY -> "empty";
        };
    }
}
