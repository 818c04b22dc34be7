package io.ottl4j.language.internal.contexts;

import static io.ottl4j.language.internal.contexts.Fields.float64If;
import static io.ottl4j.language.internal.contexts.Fields.int64;
import static io.ottl4j.language.internal.contexts.Fields.int64If;
import static io.ottl4j.language.internal.contexts.Fields.map;
import static io.ottl4j.language.internal.contexts.Fields.string;
import static io.ottl4j.language.internal.contexts.Fields.time;

import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.TransformContext;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Exemplar;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.SummaryDataPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The metric and datapoint path tables. Fields that do not apply to a record read nil and ignore writes of the right
 * type; as upstream, the type is checked first (see {@link Writes}).
 */
final class MetricPaths {
    private MetricPaths() {
    }

    private static Map<String, PathDef> table(List<PathDef> defs) {
        Map<String, PathDef> m = new LinkedHashMap<>();
        defs.forEach(d -> m.put(d.name(), d));
        return m;
    }

    private static boolean hasTemporality(TransformContext c) {
        MetricType t = c.metric().type();
        return t == MetricType.SUM || t == MetricType.HISTOGRAM || t == MetricType.EXPONENTIAL_HISTOGRAM;
    }

    static Map<String, PathDef> metricTable() {
        return table(List.of(
                string("name", "the metric name", c -> c.metric().name(), (c, v) -> c.metric().setName(v)),
                string("description", "the metric description", c -> c.metric().description(), (c, v) -> c.metric().setDescription(v)),
                string("unit", "the metric unit", c -> c.metric().unit(), (c, v) -> c.metric().setUnit(v)),
                Fields.custom("type", "int", "the metric data type (METRIC_DATA_TYPE_*); writes are ignored",
                        c -> (long) c.metric().type().number(), (c, v, n) -> { }),
                int64If("aggregation_temporality", "AGGREGATION_TEMPORALITY_* of a sum or histogram", MetricPaths::hasTemporality,
                        c -> c.metric().aggregationTemporality(), (c, v) -> c.metric().setAggregationTemporality((int) v)),
                Fields.boolIf("is_monotonic", "whether a sum is monotonic", c -> c.metric().type() == MetricType.SUM,
                        c -> c.metric().isMonotonic(), (c, b) -> c.metric().setMonotonic(b)),
                Fields.custom("data_points", "data points", "the metric's data points", c -> c.metric().dataPoints(),
                        (c, v, n) -> replacePoints(c.metric(), v, n)),
                map("metadata", "the metric metadata", c -> c.metric().metadata())));
    }

    private static void replacePoints(Metric metric, Object v, Node n) {
        if (v == metric.dataPoints()) {
            return;
        }
        if (!(v instanceof List<?> list)) {
            if (Writes.emptiesOnNil(v, n)) {
                metric.dataPoints().clear();
            } else {
                Writes.reject(pointsType(metric.type()), v, n);
            }
            return;
        }
        List<DataPoint> copy = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof DataPoint p) || !fits(metric.type(), p)) {
                Writes.reject(pointsType(metric.type()), v, n);
                return;
            }
            copy.add(p.deepCopy());
        }
        metric.dataPoints().clear();
        metric.dataPoints().addAll(copy);
    }

    /** Upstream's slice type of the metric's points, for messages. */
    private static String pointsType(MetricType type) {
        return switch (type) {
            case GAUGE, SUM -> "pmetric.NumberDataPointSlice";
            case HISTOGRAM -> "pmetric.HistogramDataPointSlice";
            case EXPONENTIAL_HISTOGRAM -> "pmetric.ExponentialHistogramDataPointSlice";
            case SUMMARY -> "pmetric.SummaryDataPointSlice";
            default -> "pmetric.NumberDataPointSlice";
        };
    }

    private static boolean fits(MetricType type, DataPoint p) {
        return switch (type) {
            case GAUGE, SUM -> p instanceof NumberDataPoint;
            case HISTOGRAM -> p instanceof HistogramDataPoint;
            case EXPONENTIAL_HISTOGRAM -> p instanceof ExponentialHistogramDataPoint;
            case SUMMARY -> p instanceof SummaryDataPoint;
            default -> false;
        };
    }

    static Map<String, PathDef> dataPointTable() {
        return table(List.of(
                map("attributes", "the data point attributes", c -> c.dataPoint().attributes()),
                int64("start_time_unix_nano", "the start time in ns since the epoch", c -> c.dataPoint().startTimeUnixNano(),
                        (c, v) -> c.dataPoint().setStartTimeUnixNano(v)),
                int64("time_unix_nano", "the time in ns since the epoch", c -> c.dataPoint().timeUnixNano(),
                        (c, v) -> c.dataPoint().setTimeUnixNano(v)),
                time("start_time", "the start time", c -> c.dataPoint().startTimeUnixNano(), (c, v) -> c.dataPoint().setStartTimeUnixNano(v)),
                time("time", "the time", c -> c.dataPoint().timeUnixNano(), (c, v) -> c.dataPoint().setTimeUnixNano(v)),
                float64If("value_double", "the value of a gauge or sum point as a double", c -> c.dataPoint() instanceof NumberDataPoint,
                        c -> number(c).valueKind() == NumberDataPoint.NumberKind.DOUBLE ? number(c).doubleValue() : 0.0,
                        (c, v) -> number(c).setDoubleValue(v)),
                int64If("value_int", "the value of a gauge or sum point as an int", c -> c.dataPoint() instanceof NumberDataPoint,
                        c -> number(c).valueKind() == NumberDataPoint.NumberKind.INT ? number(c).intValue() : 0L,
                        (c, v) -> number(c).setIntValue(v)),
                // summary points carry no exemplars in OTLP: upstream reads nil there
                Fields.custom("exemplars", "exemplars", "the data point's exemplars (gauge, sum and histogram points)",
                        c -> c.dataPoint() instanceof SummaryDataPoint ? null : c.dataPoint().exemplars(), MetricPaths::setExemplars),
                int64("flags", "the data point flags (FLAG_*)", c -> c.dataPoint().flags(), (c, v) -> c.dataPoint().setFlags((int) v)),
                int64If("count", "the count of a histogram or summary point", MetricPaths::hasCount, MetricPaths::count, MetricPaths::setCount),
                float64If("sum", "the sum of a histogram or summary point", MetricPaths::hasCount, MetricPaths::sum, MetricPaths::setSum),
                Fields.custom("bucket_counts", "list of int", "the bucket counts of a histogram point",
                        c -> c.dataPoint() instanceof HistogramDataPoint h ? longs(h.bucketCounts()) : null, (c, v, n) -> {
                            long[] counts = toLongs(v, n);
                            if (counts != null && c.dataPoint() instanceof HistogramDataPoint h) {
                                h.setBucketCounts(counts);
                            }
                        }),
                Fields.custom("explicit_bounds", "list of double", "the explicit bounds of a histogram point",
                        c -> c.dataPoint() instanceof HistogramDataPoint h ? doubles(h.explicitBounds()) : null, (c, v, n) -> {
                            double[] bounds = toDoubles(v, n);
                            if (bounds != null && c.dataPoint() instanceof HistogramDataPoint h) {
                                h.setExplicitBounds(bounds);
                            }
                        }),
                int64If("scale", "the scale of an exponential histogram point", c -> c.dataPoint() instanceof ExponentialHistogramDataPoint,
                        c -> expo(c).scale(), (c, v) -> expo(c).setScale((int) v)),
                int64If("zero_count", "the zero count of an exponential histogram point",
                        c -> c.dataPoint() instanceof ExponentialHistogramDataPoint, c -> expo(c).zeroCount(), (c, v) -> expo(c).setZeroCount(v)),
                buckets("positive", p -> p.positive()),
                buckets("negative", p -> p.negative()),
                Fields.custom("quantile_values", "quantile values", "the quantile values of a summary point",
                        c -> c.dataPoint() instanceof SummaryDataPoint s ? s.quantileValues() : null, MetricPaths::setQuantiles)));
    }

    private static PathDef buckets(String name, Function<ExponentialHistogramDataPoint, ExponentialHistogramDataPoint.Buckets> get) {
        PathDef def = Fields.custom(name, "buckets", "the " + name + " buckets of an exponential histogram point",
                c -> c.dataPoint() instanceof ExponentialHistogramDataPoint e ? get.apply(e) : null, (c, v, n) -> {
                    if (!(v instanceof ExponentialHistogramDataPoint.Buckets b)) {
                        Writes.reject("pmetric.ExponentialHistogramDataPointBuckets", v, n);
                    } else if (c.dataPoint() instanceof ExponentialHistogramDataPoint e && b != get.apply(e)) {
                        ExponentialHistogramDataPoint.Buckets target = get.apply(e);
                        target.setOffset(b.offset());
                        target.setBucketCounts(b.bucketCounts().clone());
                    }
                });
        def.child(int64If("offset", "the bucket offset", c -> c.dataPoint() instanceof ExponentialHistogramDataPoint,
                c -> get.apply(expo(c)).offset(), (c, v) -> get.apply(expo(c)).setOffset((int) v)));
        def.child(Fields.custom("bucket_counts", "list of int", "the bucket counts",
                c -> c.dataPoint() instanceof ExponentialHistogramDataPoint e ? longs(get.apply(e).bucketCounts()) : null, (c, v, n) -> {
                    long[] counts = toLongs(v, n);
                    if (counts != null && c.dataPoint() instanceof ExponentialHistogramDataPoint e) {
                        get.apply(e).setBucketCounts(counts);
                    }
                }));
        return def;
    }

    private static NumberDataPoint number(TransformContext c) {
        return (NumberDataPoint) c.dataPoint();
    }

    private static ExponentialHistogramDataPoint expo(TransformContext c) {
        return (ExponentialHistogramDataPoint) c.dataPoint();
    }

    private static boolean hasCount(TransformContext c) {
        return !(c.dataPoint() instanceof NumberDataPoint);
    }

    private static long count(TransformContext c) {
        return switch (c.dataPoint()) {
            case HistogramDataPoint h -> h.count();
            case ExponentialHistogramDataPoint e -> e.count();
            case SummaryDataPoint s -> s.count();
            default -> 0;
        };
    }

    private static void setCount(TransformContext c, long v) {
        switch (c.dataPoint()) {
            case HistogramDataPoint h -> h.setCount(v);
            case ExponentialHistogramDataPoint e -> e.setCount(v);
            case SummaryDataPoint s -> s.setCount(v);
            default -> { }
        }
    }

    private static double sum(TransformContext c) {
        return switch (c.dataPoint()) {
            case HistogramDataPoint h -> h.sum();
            case ExponentialHistogramDataPoint e -> e.sum();
            case SummaryDataPoint s -> s.sum();
            default -> 0;
        };
    }

    private static void setSum(TransformContext c, double v) {
        switch (c.dataPoint()) {
            case HistogramDataPoint h -> h.setSum(v);
            case ExponentialHistogramDataPoint e -> e.setSum(v);
            case SummaryDataPoint s -> s.setSum(v);
            default -> { }
        }
    }

    private static List<Object> longs(long[] values) {
        List<Object> out = new ArrayList<>(values.length);
        for (long v : values) {
            out.add(v);
        }
        return out;
    }

    private static List<Object> doubles(double[] values) {
        List<Object> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    /**
     * A list of ints as bucket counts (upstream's {@code []uint64}; the baseline also takes a list of ints); nil is
     * the empty list when nil reaches setters; null when the value is refused (per {@link Writes#reject}).
     */
    private static long[] toLongs(Object v, Node n) {
        List<Object> list = elements(v, Long.class, "[]uint64", n);
        long[] out = list == null ? null : new long[list.size()];
        for (int i = 0; out != null && i < out.length; i++) {
            out[i] = (Long) list.get(i);
        }
        return out;
    }

    private static double[] toDoubles(Object v, Node n) {
        List<Object> list = elements(v, Double.class, "[]float64", n);
        double[] out = list == null ? null : new double[list.size()];
        for (int i = 0; out != null && i < out.length; i++) {
            out[i] = (Double) list.get(i);
        }
        return out;
    }

    /** The elements of a list whose elements are all {@code type}s; none for nil reaching setters; else null, refused. */
    private static List<Object> elements(Object v, Class<?> type, String goName, Node n) {
        if (Writes.emptiesOnNil(v, n)) {
            return List.of();
        }
        List<Object> list = io.ottl4j.language.function.Values.asList(v);
        if (list == null || !list.stream().allMatch(type::isInstance)) {
            Writes.reject(goName, v, n);
            return null;
        }
        return list;
    }

    /** A point's exemplars (none on a summary point) from a list of exemplars (upstream's {@code ExemplarSlice.CopyTo}). */
    private static void setExemplars(TransformContext c, Object v, Node n) {
        List<Exemplar> target = c.dataPoint() instanceof SummaryDataPoint ? null : c.dataPoint().exemplars();
        Fields.replaceList(target, v, Exemplar.class, Exemplar::deepCopy, "pmetric.ExemplarSlice", n);
    }

    private static void setQuantiles(TransformContext c, Object v, Node n) {
        List<SummaryDataPoint.ValueAtQuantile> target = c.dataPoint() instanceof SummaryDataPoint s ? s.quantileValues() : null;
        Fields.replaceList(target, v, SummaryDataPoint.ValueAtQuantile.class, SummaryDataPoint.ValueAtQuantile::deepCopy,
                "pmetric.SummaryDataPointValueAtQuantileSlice", n);
    }
}
