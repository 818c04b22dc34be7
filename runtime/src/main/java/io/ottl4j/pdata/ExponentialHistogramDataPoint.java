package io.ottl4j.pdata;

import java.util.Objects;

/** A base-2 exponential histogram point (OTLP {@code ExponentialHistogramDataPoint}). */
public final class ExponentialHistogramDataPoint extends HistogramBase {
    private int scale;
    private long zeroCount;
    private double zeroThreshold;
    private final Buckets positive = new Buckets();
    private final Buckets negative = new Buckets();

    @Override
    public boolean fits(MetricType type) {
        return type == MetricType.EXPONENTIAL_HISTOGRAM;
    }

    /** An OTLP sint32. */
    public int scale() {
        return scale;
    }

    public void setScale(int scale) {
        this.scale = scale;
    }

    /** An OTLP fixed64 (unsigned). */
    public long zeroCount() {
        return zeroCount;
    }

    public void setZeroCount(long zeroCount) {
        this.zeroCount = zeroCount;
    }

    public double zeroThreshold() {
        return zeroThreshold;
    }

    public void setZeroThreshold(double zeroThreshold) {
        this.zeroThreshold = zeroThreshold;
    }

    /** Live, mutable in place. */
    public Buckets positive() {
        return positive;
    }

    /** Live, mutable in place. */
    public Buckets negative() {
        return negative;
    }

    @Override
    public ExponentialHistogramDataPoint deepCopy() {
        ExponentialHistogramDataPoint c = copyHistogramCommonTo(new ExponentialHistogramDataPoint());
        c.scale = scale;
        c.zeroCount = zeroCount;
        c.zeroThreshold = zeroThreshold;
        c.positive.copyFrom(positive);
        c.negative.copyFrom(negative);
        return c;
    }

    @Override
    public String toString() {
        return "ExponentialHistogramDataPoint{count=" + Long.toUnsignedString(count()) + ", scale=" + scale + ", "
                + attributes() + "}";
    }

    /** One side (positive or negative) of an exponential histogram (OTLP {@code ExponentialHistogramDataPoint.Buckets}). */
    public static final class Buckets {
        private int offset;
        private long[] bucketCounts = HistogramDataPoint.NO_COUNTS;

        /** An OTLP sint32: the index of the first bucket. */
        public int offset() {
            return offset;
        }

        public void setOffset(int offset) {
            this.offset = offset;
        }

        /** The live array (unsigned counts); replace it with {@link #setBucketCounts} to resize. */
        public long[] bucketCounts() {
            return bucketCounts;
        }

        /** Stores the array itself (not a copy). */
        public void setBucketCounts(long[] bucketCounts) {
            this.bucketCounts = Objects.requireNonNull(bucketCounts, "bucketCounts");
        }

        public boolean isEmpty() {
            return offset == 0 && bucketCounts.length == 0;
        }

        public Buckets deepCopy() {
            Buckets c = new Buckets();
            c.copyFrom(this);
            return c;
        }

        /** Replaces this content with a copy of {@code other}'s. */
        public void copyFrom(Buckets other) {
            offset = other.offset;
            bucketCounts = other.bucketCounts.length == 0 ? HistogramDataPoint.NO_COUNTS : other.bucketCounts.clone();
        }
    }
}
