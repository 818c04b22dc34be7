package io.ottl4j.pdata;

import java.util.ArrayList;
import java.util.List;

/** A summary point (OTLP {@code SummaryDataPoint}). */
public final class SummaryDataPoint extends DataPoint {
    private long count;
    private double sum;
    private final ArrayList<ValueAtQuantile> quantileValues = new ArrayList<>(0);

    @Override
    public boolean fits(MetricType type) {
        return type == MetricType.SUMMARY;
    }

    /** An OTLP fixed64 (unsigned). */
    public long count() {
        return count;
    }

    public void setCount(long count) {
        this.count = count;
    }

    public double sum() {
        return sum;
    }

    public void setSum(double sum) {
        this.sum = sum;
    }

    /** The quantiles; a mutable list. */
    public List<ValueAtQuantile> quantileValues() {
        return quantileValues;
    }

    @Override
    public SummaryDataPoint deepCopy() {
        SummaryDataPoint c = copyCommonTo(new SummaryDataPoint());
        c.count = count;
        c.sum = sum;
        c.quantileValues.ensureCapacity(quantileValues.size());
        for (ValueAtQuantile q : quantileValues) {
            c.quantileValues.add(q.deepCopy());
        }
        return c;
    }

    @Override
    public String toString() {
        return "SummaryDataPoint{count=" + Long.toUnsignedString(count) + ", sum=" + sum + ", " + attributes() + "}";
    }

    /** One quantile of a summary point (OTLP {@code SummaryDataPoint.ValueAtQuantile}). */
    public static final class ValueAtQuantile {
        private double quantile;
        private double value;

        public ValueAtQuantile() {}

        public ValueAtQuantile(double quantile, double value) {
            this.quantile = quantile;
            this.value = value;
        }

        /** In [0, 1]. */
        public double quantile() {
            return quantile;
        }

        public void setQuantile(double quantile) {
            this.quantile = quantile;
        }

        public double value() {
            return value;
        }

        public void setValue(double value) {
            this.value = value;
        }

        public ValueAtQuantile deepCopy() {
            return new ValueAtQuantile(quantile, value);
        }

        @Override
        public String toString() {
            return "q" + quantile + "=" + value;
        }
    }
}
