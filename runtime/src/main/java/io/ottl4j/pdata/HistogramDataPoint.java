package io.ottl4j.pdata;

import java.util.Objects;

/** An explicit-bucket histogram point (OTLP {@code HistogramDataPoint}). */
public final class HistogramDataPoint extends DataPoint {
    static final long[] NO_COUNTS = {};
    static final double[] NO_BOUNDS = {};

    private long count;
    private boolean hasSum;
    private double sum;
    private long[] bucketCounts = NO_COUNTS;
    private double[] explicitBounds = NO_BOUNDS;
    private boolean hasMin;
    private double min;
    private boolean hasMax;
    private double max;

    @Override
    public boolean fits(MetricType type) {
        return type == MetricType.HISTOGRAM;
    }

    /** An OTLP fixed64 (unsigned). */
    public long count() {
        return count;
    }

    public void setCount(long count) {
        this.count = count;
    }

    public boolean hasSum() {
        return hasSum;
    }

    /** The sum, or 0.0 when absent. */
    public double sum() {
        return sum;
    }

    public void setSum(double sum) {
        this.sum = sum;
        this.hasSum = true;
    }

    public void clearSum() {
        this.sum = 0;
        this.hasSum = false;
    }

    /** The live array (unsigned counts); replace it with {@link #setBucketCounts} to resize. */
    public long[] bucketCounts() {
        return bucketCounts;
    }

    /** Stores the array itself (not a copy). */
    public void setBucketCounts(long[] bucketCounts) {
        this.bucketCounts = Objects.requireNonNull(bucketCounts, "bucketCounts");
    }

    /** The live array; replace it with {@link #setExplicitBounds} to resize. */
    public double[] explicitBounds() {
        return explicitBounds;
    }

    /** Stores the array itself (not a copy). */
    public void setExplicitBounds(double[] explicitBounds) {
        this.explicitBounds = Objects.requireNonNull(explicitBounds, "explicitBounds");
    }

    public boolean hasMin() {
        return hasMin;
    }

    public double min() {
        return min;
    }

    public void setMin(double min) {
        this.min = min;
        this.hasMin = true;
    }

    public void clearMin() {
        this.min = 0;
        this.hasMin = false;
    }

    public boolean hasMax() {
        return hasMax;
    }

    public double max() {
        return max;
    }

    public void setMax(double max) {
        this.max = max;
        this.hasMax = true;
    }

    public void clearMax() {
        this.max = 0;
        this.hasMax = false;
    }

    @Override
    public HistogramDataPoint deepCopy() {
        HistogramDataPoint c = copyCommonTo(new HistogramDataPoint());
        c.count = count;
        c.hasSum = hasSum;
        c.sum = sum;
        c.bucketCounts = bucketCounts.length == 0 ? NO_COUNTS : bucketCounts.clone();
        c.explicitBounds = explicitBounds.length == 0 ? NO_BOUNDS : explicitBounds.clone();
        c.hasMin = hasMin;
        c.min = min;
        c.hasMax = hasMax;
        c.max = max;
        return c;
    }

    @Override
    public String toString() {
        return "HistogramDataPoint{count=" + Long.toUnsignedString(count) + ", " + attributes() + "}";
    }
}
