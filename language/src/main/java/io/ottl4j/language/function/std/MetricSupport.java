package io.ottl4j.language.function.std;

import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.TransformContext;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.SummaryDataPoint;
import java.util.List;

/**
 * Small pieces shared by the metric and data point functions: temporality names, Go's metric type names
 * for messages, appending to the scope's metric list, and the sum/count extraction of upstream's
 * {@code extract_*_metric} and {@code convert_summary_*_val_to_sum}. Callers run them behind a
 * {@code @TruffleBoundary}.
 */
final class MetricSupport {
    private MetricSupport() {
    }

    /** Parse-time check of upstream's {@code "delta"} / {@code "cumulative"} argument. */
    static int temporality(String name) {
        return switch (name) {
            case "delta" -> Metric.TEMPORALITY_DELTA;
            case "cumulative" -> Metric.TEMPORALITY_CUMULATIVE;
            default -> throw new OttlArgumentException("string_agg_temp", "unknown aggregation temporality: " + name);
        };
    }

    /** pmetric's {@code MetricType.String()}. */
    static String typeName(MetricType type) {
        return switch (type) {
            case EMPTY -> "Empty";
            case GAUGE -> "Gauge";
            case SUM -> "Sum";
            case HISTOGRAM -> "Histogram";
            case EXPONENTIAL_HISTOGRAM -> "ExponentialHistogram";
            case SUMMARY -> "Summary";
        };
    }

    /**
     * Appends a metric to the scope's metric list; the record walk reads the list's size on every step,
     * so later statements of the same group see it, as upstream.
     */
    @SuppressWarnings("unchecked")
    static void append(TransformContext record, Metric metric) {
        ((List<Metric>) record.scopeGroup().items()).add(metric);
    }

    /** A new sum metric named after {@code source} with the given suffix; no points yet. */
    static Metric newSum(Metric source, String suffix, String unit, int temporality, boolean monotonic) {
        Metric m = new Metric();
        m.setName(source.name() + suffix);
        m.setDescription(source.description());
        m.setUnit(unit);
        m.setType(MetricType.SUM);
        m.setAggregationTemporality(temporality);
        m.setMonotonic(monotonic);
        return m;
    }

    /**
     * extract_sum_metric / extract_count_metric: a sum metric from the sums or counts of a histogram,
     * exponential histogram or summary, appended when it has at least one point.
     */
    static void extract(TransformContext record, String function, boolean count, boolean monotonic, String suffix,
            com.oracle.truffle.api.nodes.Node location) {
        Metric metric = record.metric();
        int temporality = switch (metric.type()) {
            case HISTOGRAM, EXPONENTIAL_HISTOGRAM -> metric.aggregationTemporality();
            // summaries have no temporality; OpenMetrics says they are cumulative
            case SUMMARY -> Metric.TEMPORALITY_CUMULATIVE;
            default -> Metric.TEMPORALITY_UNSPECIFIED;
        };
        if (temporality == Metric.TEMPORALITY_UNSPECIFIED) {
            throw new OttlRuntimeException(function + " requires an input metric of type Histogram, ExponentialHistogram or "
                    + "Summary, got " + typeName(metric.type()), location);
        }
        // the count is a number of observations: the source unit does not apply to it
        Metric out = newSum(metric, suffix, count ? "1" : metric.unit(), temporality, monotonic);
        for (DataPoint p : metric.dataPoints()) {
            if (count) {
                point(out, p).setIntValue(count(p));
            } else if (hasSum(p)) {
                point(out, p).setDoubleValue(sum(p));
            }
        }
        if (!out.dataPoints().isEmpty()) {
            append(record, out);
        }
    }

    /** Adds a number point to {@code out} with the attributes and times of {@code from}. */
    static NumberDataPoint point(Metric out, DataPoint from) {
        NumberDataPoint p = out.addNumberDataPoint();
        p.attributes().copyFrom(from.attributes());
        p.setStartTimeUnixNano(from.startTimeUnixNano());
        p.setTimeUnixNano(from.timeUnixNano());
        return p;
    }

    private static boolean hasSum(DataPoint p) {
        return switch (p) {
            case HistogramDataPoint h -> h.hasSum();
            case ExponentialHistogramDataPoint e -> e.hasSum();
            default -> true;
        };
    }

    private static double sum(DataPoint p) {
        return switch (p) {
            case HistogramDataPoint h -> h.sum();
            case ExponentialHistogramDataPoint e -> e.sum();
            case SummaryDataPoint s -> s.sum();
            default -> 0;
        };
    }

    private static long count(DataPoint p) {
        return switch (p) {
            case HistogramDataPoint h -> h.count();
            case ExponentialHistogramDataPoint e -> e.count();
            case SummaryDataPoint s -> s.count();
            default -> 0;
        };
    }
}
