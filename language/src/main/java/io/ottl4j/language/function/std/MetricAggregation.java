package io.ottl4j.language.function.std;

import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.NumberDataPoint.NumberKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code aggregateutil}: groups a metric's points by attributes, timestamp (and start time for
 * delta temporality, bucket layout for histograms) and merges each group into its first point. Groups
 * come out in first-seen order (upstream iterates a Go map, so its order is unspecified). Callers run it
 * behind a {@code @TruffleBoundary}.
 */
final class MetricAggregation {
    static final List<String> FUNCTIONS = List.of("sum", "mean", "min", "max", "median", "count");

    private MetricAggregation() {
    }

    /** Parse-time check of the aggregation function name, with upstream's message. */
    static String function(String name) {
        if (!FUNCTIONS.contains(name)) {
            throw new io.ottl4j.language.function.OttlArgumentException("aggregation_function",
                    "invalid aggregation function: 'unsupported function: '" + name + "'', valid options: "
                            + String.join(", ", FUNCTIONS));
        }
        return name;
    }

    /**
     * Keeps only the given attribute keys on every point: null skips the filter, an empty array removes
     * every attribute.
     */
    static void filterAttributes(Metric metric, String[] keys) {
        if (keys == null) {
            return;
        }
        List<String> keep = Arrays.asList(keys);
        for (DataPoint p : metric.dataPoints()) {
            p.attributes().removeIf((k, v) -> !keep.contains(k));
        }
    }

    /**
     * Replaces the metric's points with the merged groups. As upstream rebuilds the metric from its name,
     * unit, description and type fields, the metadata is dropped, and summary points (which upstream
     * neither groups nor merges) are all dropped.
     */
    static void aggregate(Metric metric, String function) {
        metric.metadata().clear();
        List<DataPoint> points = metric.dataPoints();
        MetricType type = metric.type();
        if (type == MetricType.SUMMARY) {
            points.clear();
            return;
        }
        if (!type.isNumber() && type != MetricType.HISTOGRAM && type != MetricType.EXPONENTIAL_HISTOGRAM) {
            return;
        }
        boolean byStart = type != MetricType.GAUGE && metric.aggregationTemporality() == Metric.TEMPORALITY_DELTA;
        Map<String, List<DataPoint>> groups = new LinkedHashMap<>();
        for (DataPoint p : points) {
            groups.computeIfAbsent(groupKey(p, byStart), k -> new ArrayList<>()).add(p);
        }
        List<DataPoint> merged = new ArrayList<>(groups.size());
        for (List<DataPoint> group : groups.values()) {
            DataPoint first = group.get(0);
            switch (first) {
                case NumberDataPoint n -> mergeNumbers(n, group, function);
                case HistogramDataPoint h -> mergeHistograms(h, group);
                case ExponentialHistogramDataPoint e -> mergeExponential(e, group);
                default -> { }
            }
            merged.add(first);
        }
        points.clear();
        points.addAll(merged);
    }

    /** Upstream hashes the JSON of [attributes, time, extra parts]; a map Go cannot encode hashes as "". */
    private static String groupKey(DataPoint p, boolean byStart) {
        String attrs = AnyValue.toJson(p.attributes());
        if (attrs == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(attrs).append('|').append(p.timeUnixNano());
        switch (p) {
            case HistogramDataPoint h -> {
                for (double b : h.explicitBounds()) {
                    sb.append('|').append(b);
                }
                if (byStart) {
                    sb.append("|s").append(p.startTimeUnixNano());
                }
                sb.append('|').append(h.hasMin()).append('|').append(h.hasMax()).append('|').append(p.flags());
            }
            case ExponentialHistogramDataPoint e -> {
                sb.append('|').append(e.scale()).append('|').append(e.hasMin()).append('|').append(e.hasMax())
                        .append('|').append(p.flags()).append('|').append(e.negative().offset())
                        .append('|').append(e.positive().offset());
                if (byStart) {
                    sb.append("|s").append(p.startTimeUnixNano());
                }
            }
            default -> {
                if (byStart) {
                    sb.append("|s").append(p.startTimeUnixNano());
                }
            }
        }
        return sb.toString();
    }

    private static void earliestStart(DataPoint into, DataPoint other) {
        if (Long.compareUnsigned(other.startTimeUnixNano(), into.startTimeUnixNano()) < 0) {
            into.setStartTimeUnixNano(other.startTimeUnixNano());
        }
    }

    private static void mergeNumbers(NumberDataPoint dp, List<DataPoint> group, String function) {
        int n = group.size();
        if (dp.valueKind() == NumberKind.DOUBLE) {
            double[] median = new double[n];
            median[0] = dp.doubleValue();
            for (int i = 1; i < n; i++) {
                NumberDataPoint o = (NumberDataPoint) group.get(i);
                switch (function) {
                    case "sum", "mean" -> dp.setDoubleValue(dp.doubleValue() + asDouble(o));
                    case "max" -> dp.setDoubleValue(Math.max(dp.doubleValue(), asDouble(o)));
                    case "min" -> dp.setDoubleValue(Math.min(dp.doubleValue(), asDouble(o)));
                    case "median" -> median[i] = asDouble(o);
                    case "count" -> dp.setDoubleValue(n);
                    default -> { }
                }
                earliestStart(dp, o);
            }
            if (function.equals("mean")) {
                dp.setDoubleValue(dp.doubleValue() / n);
            } else if (function.equals("median") && n > 1) {
                sortNaNFirst(median);
                int m = n / 2;
                dp.setDoubleValue(n % 2 != 0 ? median[m] : (median[m - 1] + median[m]) / 2);
            }
        } else if (dp.valueKind() == NumberKind.INT) {
            long[] median = new long[n];
            median[0] = dp.intValue();
            for (int i = 1; i < n; i++) {
                NumberDataPoint o = (NumberDataPoint) group.get(i);
                switch (function) {
                    // upstream adds the raw int value here, which is 0 for a double point
                    case "sum", "mean" -> dp.setIntValue(dp.intValue() + o.intValue());
                    case "max" -> dp.setIntValue(Math.max(dp.intValue(), asLong(o)));
                    case "min" -> dp.setIntValue(Math.min(dp.intValue(), asLong(o)));
                    case "median" -> median[i] = asLong(o);
                    case "count" -> dp.setIntValue(n);
                    default -> { }
                }
                earliestStart(dp, o);
            }
            if (function.equals("median") && n > 1) {
                Arrays.sort(median);
                int m = n / 2;
                dp.setIntValue(n % 2 != 0 ? median[m] : (median[m - 1] + median[m]) / 2);
            }
            if (function.equals("mean")) {
                dp.setIntValue(dp.intValue() / n);
            }
        }
    }

    private static double asDouble(NumberDataPoint p) {
        return switch (p.valueKind()) {
            case DOUBLE -> p.doubleValue();
            case INT -> (double) p.intValue();
            default -> 0;
        };
    }

    private static long asLong(NumberDataPoint p) {
        return switch (p.valueKind()) {
            case DOUBLE -> (long) p.doubleValue();
            case INT -> p.intValue();
            default -> 0;
        };
    }

    /** Go's {@code sort.Float64s} order: NaNs first. */
    private static void sortNaNFirst(double[] values) {
        Arrays.sort(values);
        int nans = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                nans++;
            }
        }
        if (nans > 0) {
            System.arraycopy(values, 0, values, nans, values.length - nans);
            Arrays.fill(values, 0, nans, Double.NaN);
        }
    }

    private static void mergeHistograms(HistogramDataPoint dp, List<DataPoint> group) {
        long[] counts = dp.bucketCounts().clone();
        for (int i = 1; i < group.size(); i++) {
            HistogramDataPoint o = (HistogramDataPoint) group.get(i);
            if (o.count() == 0) {
                continue;
            }
            dp.setCount(dp.count() + o.count());
            dp.setSum(dp.sum() + o.sum());
            if (dp.hasMin() && o.hasMin() && dp.min() > o.min()) {
                dp.setMin(o.min());
            }
            if (dp.hasMax() && o.hasMax() && dp.max() < o.max()) {
                dp.setMax(o.max());
            }
            long[] other = o.bucketCounts();
            // points of one group share their bounds, so their bucket counts line up
            for (int b = 0; b < other.length && b < counts.length; b++) {
                counts[b] += other[b];
            }
            dp.exemplars().addAll(o.exemplars());
            earliestStart(dp, o);
        }
        dp.setBucketCounts(counts);
    }

    private static void mergeExponential(ExponentialHistogramDataPoint dp, List<DataPoint> group) {
        for (int i = 1; i < group.size(); i++) {
            ExponentialHistogramDataPoint o = (ExponentialHistogramDataPoint) group.get(i);
            if (o.count() == 0) {
                continue;
            }
            dp.setCount(dp.count() + o.count());
            dp.setSum(dp.sum() + o.sum());
            dp.setZeroCount(dp.zeroCount() + o.zeroCount());
            if (dp.hasMin() && o.hasMin() && dp.min() > o.min()) {
                dp.setMin(o.min());
            }
            if (dp.hasMax() && o.hasMax() && dp.max() < o.max()) {
                dp.setMax(o.max());
            }
            dp.negative().setBucketCounts(addCounts(dp.negative().bucketCounts(), o.negative().bucketCounts()));
            dp.positive().setBucketCounts(addCounts(dp.positive().bucketCounts(), o.positive().bucketCounts()));
            dp.exemplars().addAll(o.exemplars());
            earliestStart(dp, o);
        }
    }

    /** Adds bucket by bucket; the longer list's extra buckets are kept. */
    private static long[] addCounts(long[] into, long[] other) {
        long[] out = Arrays.copyOf(into, Math.max(into.length, other.length));
        for (int b = 0; b < other.length; b++) {
            out[b] += other[b];
        }
        return out;
    }

    /** Upstream's {@code Str()}: a string value as is, any other value as "". */
    static String str(Object stored) {
        return stored instanceof String s ? s : "";
    }

    /** aggregate_on_attribute_value's renaming step. */
    static void renameValues(Metric metric, String attribute, String[] values, String newValue) {
        for (DataPoint p : metric.dataPoints()) {
            AttributeMap attrs = p.attributes();
            if (!attrs.containsKey(attribute)) {
                continue;
            }
            for (String v : values) {
                if (str(attrs.get(attribute)).equals(v)) {
                    attrs.put(attribute, newValue);
                }
            }
        }
    }
}
