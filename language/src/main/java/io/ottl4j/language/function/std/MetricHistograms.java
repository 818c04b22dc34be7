package io.ottl4j.language.function.std;

import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Upstream's exponential-to-explicit histogram conversion. The bucket counts array has one slot per
 * explicit bound (not bounds + 1): counts above the last bound go into the last slot, as upstream does.
 * Callers run it behind a {@code @TruffleBoundary}.
 */
final class MetricHistograms {
    static final List<String> DISTRIBUTIONS = List.of("upper", "midpoint", "random", "uniform");

    private MetricHistograms() {
    }

    /** Parse-time check; an empty name means {@code random}, as upstream. */
    static String distribution(String name) {
        String d = name.isEmpty() ? "random" : name;
        if (!DISTRIBUTIONS.contains(d)) {
            throw new OttlArgumentException("distribution_fn", "invalid conversion function: " + d
                    + ", must be one of [upper, midpoint, random, uniform]");
        }
        return d;
    }

    static double[] bounds(double[] bounds) {
        if (bounds.length == 0) {
            throw new OttlArgumentException("explicit_bounds", "explicit bounds cannot be empty: []");
        }
        return bounds.clone();
    }

    /**
     * Turns an exponential histogram metric into an explicit one in place. The metric is rebuilt from its
     * name, description, unit and temporality, so metadata is dropped; each point keeps its times, count,
     * sum, min, max (set even when absent, as upstream), exemplars and attributes, but not its flags.
     */
    static void convert(Metric metric, String distribution, double[] bounds) {
        if (metric.type() != MetricType.EXPONENTIAL_HISTOGRAM) {
            return;
        }
        List<DataPoint> converted = new ArrayList<>(metric.dataPoints().size());
        for (DataPoint p : metric.dataPoints()) {
            ExponentialHistogramDataPoint e = (ExponentialHistogramDataPoint) p;
            HistogramDataPoint h = new HistogramDataPoint();
            h.setStartTimeUnixNano(e.startTimeUnixNano());
            h.setTimeUnixNano(e.timeUnixNano());
            h.setCount(e.count());
            h.setSum(e.sum());
            h.setMin(e.min());
            h.setMax(e.max());
            h.exemplars().addAll(e.exemplars());
            h.setExplicitBounds(bounds.clone());
            h.setBucketCounts(bucketCounts(e, bounds, distribution));
            h.attributes().copyFrom(e.attributes());
            converted.add(h);
        }
        int temporality = metric.aggregationTemporality();
        metric.metadata().clear();
        metric.setType(MetricType.HISTOGRAM);
        metric.setAggregationTemporality(temporality);
        metric.dataPoints().addAll(converted);
    }

    static long[] bucketCounts(ExponentialHistogramDataPoint p, double[] bounds, String distribution) {
        double factor = Math.scalb(Math.log(2), -p.scale());
        long[] positive = p.positive().bucketCounts();
        long[] counts = new long[bounds.length];
        int last = bounds.length - 1;
        if (p.zeroCount() != 0 && bounds[0] == 0) {
            counts[0] += p.zeroCount();
        }
        for (int pos = 0; pos < positive.length; pos++) {
            int index = p.positive().offset() + pos;
            double upper = StrictMath.exp((index + 1) * factor);
            double lower = StrictMath.exp(index * factor);
            long count = positive[pos];
            if (lower > bounds[last]) {
                counts[last] += count;
                continue;
            }
            boolean placed = false;
            for (int b = 1; b < bounds.length; b++) {
                if (lower > bounds[b - 1] && upper <= bounds[b]) {
                    counts[b - 1] += count;
                    placed = true;
                    break;
                }
            }
            if (!placed) {
                switch (distribution) {
                    case "upper" -> upper(count, upper, bounds, counts);
                    case "midpoint" -> midpoint(count, (upper + lower) / 2, bounds, counts);
                    case "uniform" -> uniform(count, upper, lower, bounds, counts);
                    default -> random(count, upper, lower, bounds, counts);
                }
            }
        }
        return counts;
    }

    private static void upper(long count, double upper, double[] bounds, long[] counts) {
        for (int j = 0; j < bounds.length; j++) {
            if (upper <= bounds[j]) {
                counts[j] += count;
                return;
            }
        }
        counts[bounds.length - 1] += count;
    }

    private static void midpoint(long count, double midpoint, double[] bounds, long[] counts) {
        for (int j = 0; j < bounds.length; j++) {
            if (midpoint <= bounds[j]) {
                counts[j > 0 ? j - 1 : j] += count;
                return;
            }
        }
        counts[bounds.length - 1] += count;
    }

    private static void uniform(long count, double upper, double lower, double[] bounds, long[] counts) {
        int start = 0;
        while (start < bounds.length && lower > bounds[start]) {
            start++;
        }
        int end = start;
        while (end < bounds.length && upper > bounds[end]) {
            end++;
        }
        end = Math.min(end, bounds.length - 1);
        if (end > start) {
            long n = end - start + 1;
            long each = Long.divideUnsigned(count, n);
            long remainder = Long.remainderUnsigned(count, n);
            for (int j = start; j <= end; j++) {
                counts[j] += each;
                if (remainder > 0) {
                    counts[j]++;
                    remainder--;
                }
            }
        } else {
            counts[start] += count;
        }
    }

    private static void random(long count, double upper, double lower, double[] bounds, long[] counts) {
        int start = 0;
        while (start < bounds.length && bounds[start] < lower) {
            start++;
        }
        int end = start;
        while (end < bounds.length && bounds[end] < upper) {
            end++;
        }
        end = Math.min(end, bounds.length - 1);
        if (end > start) {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            double width = upper - lower;
            double total = unsignedToDouble(count);
            long allocated = 0;
            for (int j = start; j <= end; j++) {
                double boundaryLower = j == 0 ? lower : bounds[j - 1];
                double overlap = Math.min(bounds[j], upper) - Math.max(boundaryLower, lower);
                long share = (long) Math.max(0, total * (overlap / width));
                long given = (long) (rnd.nextDouble() * share);
                counts[j] += given;
                allocated += given;
            }
            for (long remaining = count - allocated; remaining != 0; remaining--) {
                counts[start + rnd.nextInt(end - start + 1)]++;
            }
        } else {
            counts[start] += count;
        }
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? (double) v : (double) (v >>> 1) * 2.0;
    }
}
