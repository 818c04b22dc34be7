package io.ottl4j.pdata;

import java.util.Objects;

/** An explicit-bucket histogram point (OTLP {@code HistogramDataPoint}). */
public final class HistogramDataPoint extends HistogramBase {
    static final long[] NO_COUNTS = {};
    static final double[] NO_BOUNDS = {};

    private long[] bucketCounts = NO_COUNTS;
    private double[] explicitBounds = NO_BOUNDS;

    @Override
    public boolean fits(MetricType type) {
        return type == MetricType.HISTOGRAM;
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

    @Override
    public HistogramDataPoint deepCopy() {
        HistogramDataPoint c = copyHistogramCommonTo(new HistogramDataPoint());
        c.bucketCounts = bucketCounts.length == 0 ? NO_COUNTS : bucketCounts.clone();
        c.explicitBounds = explicitBounds.length == 0 ? NO_BOUNDS : explicitBounds.clone();
        return c;
    }

    @Override
    public String toString() {
        return "HistogramDataPoint{count=" + Long.toUnsignedString(count()) + ", " + attributes() + "}";
    }
}
