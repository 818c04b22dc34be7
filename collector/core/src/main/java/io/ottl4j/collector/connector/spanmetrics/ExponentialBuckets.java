package io.ottl4j.collector.connector.spanmetrics;

/**
 * A base-2 exponential histogram of positive values (durations) with at most {@code maxSize} buckets:
 * starts at scale 20 and halves the resolution (scale - 1) whenever a value falls outside the window,
 * as the OpenTelemetry SDKs' exponential aggregation does. Zero goes to the zero bucket.
 */
final class ExponentialBuckets {
    private static final int MAX_SCALE = 20;

    private final int maxSize;
    private int scale = MAX_SCALE;
    private long[] counts = new long[0];
    private int offset;
    private long zeroCount;

    ExponentialBuckets(int maxSize) {
        this.maxSize = maxSize;
    }

    /** The bucket index of {@code v} (> 0) at {@code scale}: bucket i holds (base^i, base^(i+1)]. */
    static int index(double v, int scale) {
        double scaled = Math.log(v) / Math.log(2) * Math.pow(2, scale);
        return (int) Math.ceil(scaled) - 1;
    }

    void record(double v) {
        if (v <= 0) {
            zeroCount++;
            return;
        }
        int idx = index(v, scale);
        if (counts.length == 0) {
            counts = new long[1];
            offset = idx;
            counts[0] = 1;
            return;
        }
        int lo = Math.min(offset, idx);
        int hi = Math.max(offset + counts.length - 1, idx);
        int shift = 0;
        while (((long) hi >> shift) - ((long) lo >> shift) + 1 > maxSize) {
            shift++;
        }
        if (shift > 0) {
            downscale(shift);
            idx = index(v, scale);
            lo = Math.min(offset, idx);
            hi = Math.max(offset + counts.length - 1, idx);
        }
        if (lo < offset || hi >= offset + counts.length) {
            long[] n = new long[hi - lo + 1];
            System.arraycopy(counts, 0, n, offset - lo, counts.length);
            counts = n;
            offset = lo;
        }
        counts[idx - offset]++;
    }

    private void downscale(int by) {
        int newOffset = offset >> by;
        int newLast = (offset + counts.length - 1) >> by;
        long[] n = new long[newLast - newOffset + 1];
        for (int i = 0; i < counts.length; i++) {
            n[((offset + i) >> by) - newOffset] += counts[i];
        }
        counts = n;
        offset = newOffset;
        scale -= by;
    }

    int scale() {
        return scale;
    }

    int offset() {
        return offset;
    }

    long[] counts() {
        return counts.clone();
    }

    long zeroCount() {
        return zeroCount;
    }
}
