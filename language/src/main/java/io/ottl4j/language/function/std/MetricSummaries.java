package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.TransformContext;
import io.ottl4j.language.function.EditorNode;
import io.ottl4j.language.function.FloatLikeGetter;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.SummaryDataPoint;

/**
 * The transform processor's metric functions added upstream after the spec's baseline:
 * {@code convert_summary_quantile_val_to_gauge}, {@code extract_avg_metric} (metric context) and
 * {@code merge_histogram_buckets} (datapoint context).
 */
public final class MetricSummaries {
    private MetricSummaries() {
    }

    @OttlFunction(name = "convert_summary_quantile_val_to_gauge", kind = OttlFunction.Kind.EDITOR, contexts = {ContextKind.METRIC},
            doc = "Appends a gauge <name><suffix> with one point per quantile of each summary point, the quantile in "
                    + "the attribute attribute_key; other metrics are left alone.",
            example = "convert_summary_quantile_val_to_gauge(\"quantile\", \".quantiles\")")
    public static final class ConvertSummaryQuantileValToGaugeEditor extends EditorNode {
        private final String attributeKey;
        private final String suffix;

        public ConvertSummaryQuantileValToGaugeEditor(
                @Param(value = "attribute_key", optional = true, defaultValue = "quantile") String attributeKey,
                @Param(value = "suffix", optional = true, defaultValue = ".quantiles") String suffix) {
            this.attributeKey = attributeKey == null ? "quantile" : attributeKey;
            this.suffix = suffix == null ? ".quantiles" : suffix;
        }

        @Override
        public void execute(VirtualFrame frame) {
            convert(record(frame), attributeKey, suffix);
        }

        @TruffleBoundary
        private static void convert(TransformContext record, String attributeKey, String suffix) {
            Metric metric = record.metric();
            if (metric.type() != MetricType.SUMMARY) {
                return;
            }
            Metric out = gauge(metric, suffix, metric.unit());
            for (DataPoint p : metric.dataPoints()) {
                SummaryDataPoint s = (SummaryDataPoint) p;
                for (SummaryDataPoint.ValueAtQuantile q : s.quantileValues()) {
                    NumberDataPoint g = MetricSupport.point(out, s);
                    g.attributes().put(attributeKey, q.quantile());
                    g.setDoubleValue(q.value());
                }
            }
            MetricSupport.append(record, out);
        }
    }

    @OttlFunction(name = "extract_avg_metric", kind = OttlFunction.Kind.EDITOR, contexts = {ContextKind.METRIC},
            doc = "Appends a gauge <name><suffix> holding sum/count of each point of a histogram, exponential histogram or "
                    + "summary (points without a sum or with a zero count are skipped); other metric types are an error.",
            example = "extract_avg_metric()")
    public static final class ExtractAvgMetricEditor extends EditorNode {
        private final String suffix;

        public ExtractAvgMetricEditor(@Param(value = "suffix", optional = true, defaultValue = "_avg") String suffix) {
            this.suffix = suffix == null ? "_avg" : suffix;
        }

        @Override
        public void execute(VirtualFrame frame) {
            extract(record(frame), suffix, this);
        }

        @TruffleBoundary
        private static void extract(TransformContext record, String suffix, Node location) {
            Metric metric = record.metric();
            if (metric.type() != MetricType.HISTOGRAM && metric.type() != MetricType.EXPONENTIAL_HISTOGRAM
                    && metric.type() != MetricType.SUMMARY) {
                throw new OttlRuntimeException("extract_avg_metric requires an input metric of type Histogram, ExponentialHistogram or "
                        + "Summary, got " + MetricSupport.typeName(metric.type()), location);
            }
            Metric out = gauge(metric, suffix, metric.unit());
            for (DataPoint p : metric.dataPoints()) {
                long count;
                double sum;
                if (p instanceof HistogramDataPoint h) {
                    if (!h.hasSum()) {
                        continue;
                    }
                    count = h.count();
                    sum = h.sum();
                } else if (p instanceof io.ottl4j.pdata.ExponentialHistogramDataPoint e) {
                    if (!e.hasSum()) {
                        continue;
                    }
                    count = e.count();
                    sum = e.sum();
                } else {
                    SummaryDataPoint s = (SummaryDataPoint) p;
                    count = s.count();
                    sum = s.sum();
                }
                if (count == 0) {
                    continue;
                }
                MetricSupport.point(out, p).setDoubleValue(sum / count);
            }
            if (!out.dataPoints().isEmpty()) {
                MetricSupport.append(record, out);
            }
        }
    }

    private static Metric gauge(Metric source, String suffix, String unit) {
        Metric m = new Metric();
        m.setName(source.name() + suffix);
        m.setDescription(source.description());
        m.setUnit(unit);
        m.setType(MetricType.GAUGE);
        return m;
    }

    @OttlFunction(name = "merge_histogram_buckets", kind = OttlFunction.Kind.EDITOR, contexts = {ContextKind.DATAPOINT},
            doc = "On an explicit histogram point: with method \"remove_explicit_bound\" (default) removes the bound equal to "
                    + "target_value, adding its bucket's count to the next bucket; with \"limit_buckets\" merges runs of "
                    + "adjacent buckets so that at most target_value (a positive integer) remain. Other points are left alone.",
            example = "merge_histogram_buckets(32, \"limit_buckets\")")
    public static final class MergeHistogramBucketsEditor extends EditorNode {
        private static final String REMOVE = "remove_explicit_bound";
        private static final String LIMIT = "limit_buckets";
        @Child private FloatLikeGetter targetValue;
        private final boolean limit;

        public MergeHistogramBucketsEditor(@Param("target_value") FloatLikeGetter targetValue,
                @Param(value = "method", optional = true, defaultValue = REMOVE) String method) {
            String m = method == null ? REMOVE : method;
            if (!m.equals(REMOVE) && !m.equals(LIMIT)) {
                throw new OttlArgumentException("method", "unsupported method \"" + m + "\", expected \"" + REMOVE + "\" or \"" + LIMIT + "\"");
            }
            this.targetValue = targetValue;
            this.limit = m.equals(LIMIT);
        }

        @Override
        public void execute(VirtualFrame frame) {
            if (!(record(frame).dataPoint() instanceof HistogramDataPoint h)) {
                return;
            }
            Double target = targetValue.get(frame);
            if (target == null) {
                throw new OttlRuntimeException("target_value must not be nil", this);
            }
            if (limit) {
                double t = target;
                if (t < 1 || Math.rint(t) != t || t > Long.MAX_VALUE) {
                    throw new OttlRuntimeException("target_value must be a positive integer when method is \"" + LIMIT + "\", got "
                            + io.ottl4j.pdata.GoFloat.formatF(t), this);
                }
                limitBuckets(h, (long) t);
            } else {
                removeBound(h, target);
            }
        }

        @TruffleBoundary
        static void removeBound(HistogramDataPoint p, double bound) {
            double[] bounds = p.explicitBounds();
            long[] counts = p.bucketCounts();
            if (bounds.length + 1 != counts.length || counts.length == 1) {
                return;
            }
            int target = -1;
            for (int i = 0; i < bounds.length; i++) {
                if (Math.abs(bounds[i] - bound) < 1e-12) {
                    target = i;
                    break;
                }
            }
            if (target < 0) {
                return;
            }
            long[] newCounts = new long[counts.length - 1];
            double[] newBounds = new double[bounds.length - 1];
            for (int i = 0, j = 0; i < counts.length; i++) {
                if (i == target) {
                    continue;
                }
                newCounts[j++] = i == target + 1 ? counts[i] + counts[target] : counts[i];
            }
            for (int i = 0, j = 0; i < bounds.length; i++) {
                if (i != target) {
                    newBounds[j++] = bounds[i];
                }
            }
            p.setExplicitBounds(newBounds);
            p.setBucketCounts(newCounts);
        }

        @TruffleBoundary
        static void limitBuckets(HistogramDataPoint p, long max) {
            double[] bounds = p.explicitBounds();
            long[] counts = p.bucketCounts();
            if (bounds.length + 1 != counts.length || counts.length <= max || counts.length <= 1) {
                return;
            }
            for (int i = 1; i < bounds.length; i++) {
                if (!(bounds[i] > bounds[i - 1])) {
                    return; // not strictly increasing: left as it is, as upstream
                }
            }
            int divisor = (int) ((counts.length - 1) / max + 1);
            int n = (counts.length - 1) / divisor + 1;
            long[] newCounts = new long[n];
            for (int i = 0; i < counts.length; i++) {
                newCounts[i / divisor] += counts[i];
            }
            double[] newBounds = new double[n - 1];
            for (int i = divisor - 1, j = 0; i < bounds.length && j < newBounds.length; i += divisor) {
                newBounds[j++] = bounds[i];
            }
            p.setBucketCounts(newCounts);
            p.setExplicitBounds(newBounds);
        }
    }
}
