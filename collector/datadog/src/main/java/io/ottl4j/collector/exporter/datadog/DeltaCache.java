package io.ottl4j.collector.exporter.datadog;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The previous point of each cumulative series, for cumulative → delta conversion; entries unseen for
 * {@code delta_ttl} are forgotten. A reset (a value going down or a new start time) starts the series over.
 * Not thread-safe: the caller serializes.
 */
final class DeltaCache {
    private final long ttlNanos;
    private final Map<String, Entry> entries = new HashMap<>();

    private static final class Entry {
        long start;
        double value;
        double sum;
        long[] buckets;
        long seen;
    }

    record HistogramDelta(long count, double sum, long[] buckets) {
    }

    DeltaCache(long ttlNanos) {
        this.ttlNanos = ttlNanos;
    }

    void expire(long now) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext();) {
            if (now - it.next().seen > ttlNanos) {
                it.remove();
            }
        }
    }

    /** The increase since the previous point, or null for the first point (or after a reset). */
    Double delta(String key, long start, long time, double value, long now) {
        Entry e = entries.get(key);
        if (e == null || (start != 0 && e.start != start) || value < e.value) {
            Entry n = new Entry();
            n.start = start;
            n.value = value;
            n.seen = now;
            entries.put(key, n);
            return null;
        }
        double d = value - e.value;
        e.value = value;
        e.seen = now;
        return d;
    }

    HistogramDelta histogram(String key, long start, long count, double sum, long[] buckets, long now) {
        Entry e = entries.get(key);
        if (e == null || (start != 0 && e.start != start) || count < e.value || e.buckets.length != buckets.length) {
            Entry n = new Entry();
            n.start = start;
            n.value = count;
            n.sum = sum;
            n.buckets = buckets.clone();
            n.seen = now;
            entries.put(key, n);
            return null;
        }
        long[] d = new long[buckets.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.max(0, buckets[i] - e.buckets[i]);
        }
        HistogramDelta out = new HistogramDelta(count - (long) e.value, sum - e.sum, d);
        e.value = count;
        e.sum = sum;
        e.buckets = buckets.clone();
        e.seen = now;
        return out;
    }
}
