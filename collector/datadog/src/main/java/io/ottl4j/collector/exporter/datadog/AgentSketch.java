package io.ottl4j.collector.exporter.datadog;

import io.ottl4j.collector.datadog.pb.metrics.SketchPayload;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import java.util.List;
import java.util.TreeMap;

/**
 * Histograms → the agent's {@code Dogsketch} (sparse bins: key {@code k}, count {@code n}), as the
 * distributions intake ({@code /api/beta/sketches}) reads them. Keys use the agent's quantile-sketch
 * mapping: relative accuracy 1/128 (gamma 1 + 1/64), values below 1e-9 in the zero bin, keys bounded by
 * ±32767. Bucket counts are placed at the bucket's midpoint (its finite bound at the open ends).
 */
final class AgentSketch {
    static final double GAMMA_LN = Math.log1p(2.0 / 128);
    static final double MIN_VALUE = 1e-9;
    static final int BIAS = -(int) Math.floor(Math.log(MIN_VALUE) / GAMMA_LN) + 1;
    static final int MAX_KEY = Short.MAX_VALUE;

    private AgentSketch() {
    }

    static int key(double v) {
        if (v < 0) {
            return -key(-v);
        }
        if (v < MIN_VALUE) {
            return 0;
        }
        long k = (long) Math.ceil(Math.log(v) / GAMMA_LN) + BIAS;
        return (int) Math.max(1, Math.min(MAX_KEY, k));
    }

    /** The value a key stands for (the bin's lower bound, enough for tests to read a sketch back). */
    static double lowerBound(int k) {
        if (k == 0) {
            return 0;
        }
        if (k < 0) {
            return -lowerBound(-k);
        }
        return Math.exp((k - BIAS - 1) * GAMMA_LN);
    }

    static SketchPayload.Sketch fromBuckets(String metric, String host, List<String> tags, long ts, double[] bounds, long[] counts, long count,
            double sum, double min, double max) {
        TreeMap<Integer, Long> bins = new TreeMap<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] <= 0) {
                continue;
            }
            double lower = i == 0 ? Double.NEGATIVE_INFINITY : bounds[i - 1];
            double upper = i < bounds.length ? bounds[i] : Double.POSITIVE_INFINITY;
            double v = Double.isInfinite(lower) ? (Double.isInfinite(upper) ? 0 : upper) : Double.isInfinite(upper) ? lower : (lower + upper) / 2;
            bins.merge(key(v), counts[i], Long::sum);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return build(metric, host, tags, ts, bins, count, sum, Double.isNaN(min) ? lo : min, Double.isNaN(max) ? hi : max);
    }

    static SketchPayload.Sketch fromExponential(String metric, String host, List<String> tags, long ts, ExponentialHistogramDataPoint dp) {
        TreeMap<Integer, Long> bins = new TreeMap<>();
        double base = Math.pow(2, Math.pow(2, -dp.scale()));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (dp.zeroCount() > 0) {
            bins.merge(0, dp.zeroCount(), Long::sum);
            lo = 0;
            hi = 0;
        }
        for (int sign : new int[] {1, -1}) {
            ExponentialHistogramDataPoint.Buckets b = sign > 0 ? dp.positive() : dp.negative();
            long[] counts = b.bucketCounts() == null ? new long[0] : b.bucketCounts();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] <= 0) {
                    continue;
                }
                int index = b.offset() + i;
                double v = sign * (Math.pow(base, index) + Math.pow(base, index + 1)) / 2;
                bins.merge(key(v), counts[i], Long::sum);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return build(metric, host, tags, ts, bins, dp.count(), dp.hasSum() ? dp.sum() : 0, dp.hasMin() ? dp.min() : lo, dp.hasMax() ? dp.max() : hi);
    }

    private static SketchPayload.Sketch build(String metric, String host, List<String> tags, long ts, TreeMap<Integer, Long> bins, long count,
            double sum, double min, double max) {
        SketchPayload.Sketch.Dogsketch.Builder d = SketchPayload.Sketch.Dogsketch.newBuilder().setTs(ts).setCnt(count).setSum(sum)
                .setAvg(count == 0 ? 0 : sum / count).setMin(Double.isInfinite(min) ? 0 : min).setMax(Double.isInfinite(max) ? 0 : max);
        bins.forEach((k, n) -> {
            long left = n;
            while (left > 0) { // a bin's count is a uint32: very large counts repeat the key
                int part = (int) Math.min(left, 0xFFFF_FFFFL);
                d.addK(k).addN(part);
                left -= Integer.toUnsignedLong(part);
            }
        });
        return SketchPayload.Sketch.newBuilder().setMetric(metric).setHost(host).addAllTags(tags).addDogsketches(d).build();
    }
}
