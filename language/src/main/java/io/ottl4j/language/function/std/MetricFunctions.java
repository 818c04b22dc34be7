package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.TransformContext;
import io.ottl4j.language.function.EditorNode;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;

/**
 * The transform processor's metric-context editors (upstream
 * {@code processor/transformprocessor/internal/metrics}). Functions that create metrics append them to
 * the scope's metric list, where later statements of the same group see them.
 */
public final class MetricFunctions {
    private MetricFunctions() {
    }

    @OttlFunction(name = "convert_sum_to_gauge", kind = OttlFunction.Kind.EDITOR, contexts = {ContextKind.METRIC},
            doc = "Turns a sum into a gauge, keeping its points; other metrics are left alone.",
            example = "convert_sum_to_gauge() where metric.name == \"system.processes.count\"")
    public static final class ConvertSumToGaugeEditor extends EditorNode {
        public ConvertSumToGaugeEditor() {
        }

        @Override
        public void execute(VirtualFrame frame) {
            convert(record(frame).metric());
        }

        @TruffleBoundary
        private static void convert(Metric metric) {
            if (metric.type() == MetricType.SUM) {
                metric.setType(MetricType.GAUGE);
            }
        }
    }

    @OttlFunction(name = "convert_gauge_to_sum", kind = OttlFunction.Kind.EDITOR, contexts = {ContextKind.METRIC},
            doc = "Turns a gauge into a sum with the given temporality (\"cumulative\" or \"delta\") and monotonicity, "
                    + "keeping its points; other metrics are left alone.",
            example = "convert_gauge_to_sum(\"cumulative\", false)")
    public static final class ConvertGaugeToSumEditor extends EditorNode {
        private final int temporality;
        private final boolean monotonic;

        public ConvertGaugeToSumEditor(@Param("string_agg_temp") String stringAggTemp, @Param("monotonic") Boolean monotonic) {
            this.temporality = MetricSupport.temporality(stringAggTemp);
            this.monotonic = monotonic;
        }

        @Override
        public void execute(VirtualFrame frame) {
            convert(record(frame).metric(), temporality, monotonic);
        }

        @TruffleBoundary
        private static void convert(Metric metric, int temporality, boolean monotonic) {
            if (metric.type() == MetricType.GAUGE) {
                metric.setType(MetricType.SUM);
                metric.setAggregationTemporality(temporality);
                metric.setMonotonic(monotonic);
            }
        }
    }

    /** An editor appending a sum metric <name><suffix> made of the sums or counts of a distribution metric. */
    abstract static class ExtractMetricEditor extends EditorNode {
        private final String function;
        private final boolean count;
        private final boolean monotonic;
        private final String suffix;

        ExtractMetricEditor(String function, boolean count, Boolean monotonic, String suffix) {
            this.function = function;
            this.count = count;
            this.monotonic = monotonic;
            this.suffix = suffix;
        }

        @Override
        public final void execute(VirtualFrame frame) {
            extract(record(frame), function, count, monotonic, suffix, this);
        }

        @TruffleBoundary
        private static void extract(TransformContext record, String function, boolean count, boolean monotonic,
                String suffix, Node location) {
            MetricSupport.extract(record, function, count, monotonic, suffix, location);
        }
    }

    @OttlFunction(name = "extract_sum_metric", kind = OttlFunction.Kind.EDITOR, contexts = {ContextKind.METRIC},
            doc = "Appends a sum metric <name><suffix> holding the sums of a histogram, exponential histogram or summary "
                    + "(points without a sum are skipped); other metric types are an error.",
            example = "extract_sum_metric(true)")
    public static final class ExtractSumMetricEditor extends ExtractMetricEditor {
        public ExtractSumMetricEditor(@Param("monotonic") Boolean monotonic,
                @Param(value = "suffix", optional = true, defaultValue = "_sum") String suffix) {
            super("extract_sum_metric", false, monotonic, suffix == null ? "_sum" : suffix);
        }
    }

    @OttlFunction(name = "extract_count_metric", kind = OttlFunction.Kind.EDITOR, contexts = {ContextKind.METRIC},
            doc = "Appends a sum metric <name><suffix> (unit \"1\") holding the counts of a histogram, exponential "
                    + "histogram or summary; other metric types are an error.",
            example = "extract_count_metric(true)")
    public static final class ExtractCountMetricEditor extends ExtractMetricEditor {
        public ExtractCountMetricEditor(@Param("monotonic") Boolean monotonic,
                @Param(value = "suffix", optional = true, defaultValue = "_count") String suffix) {
            super("extract_count_metric", true, monotonic, suffix == null ? "_count" : suffix);
        }
    }

    @OttlFunction(name = "copy_metric", kind = OttlFunction.Kind.EDITOR, contexts = {ContextKind.METRIC},
            doc = "Appends a copy of the metric, optionally with a new name, description and unit; guard it with a "
                    + "where clause the copy does not match.",
            example = "copy_metric(name=\"http.request.status_code\", unit=\"s\") where metric.name == \"http.status_code\"")
    public static final class CopyMetricEditor extends EditorNode {
        @Child private StringGetter name;
        @Child private StringGetter description;
        @Child private StringGetter unit;

        public CopyMetricEditor(@Param(value = "name", optional = true, defaultValue = "the metric's name") StringGetter name,
                @Param(value = "description", optional = true, defaultValue = "the metric's description") StringGetter description,
                @Param(value = "unit", optional = true, defaultValue = "the metric's unit") StringGetter unit) {
            this.name = name;
            this.description = description;
            this.unit = unit;
        }

        @Override
        public void execute(VirtualFrame frame) {
            TransformContext record = record(frame);
            // upstream appends the copy before evaluating the arguments, so a failing one leaves it unchanged
            Metric copy = copy(record);
            if (name != null) {
                setName(copy, name.get(frame));
            }
            if (description != null) {
                setDescription(copy, description.get(frame));
            }
            if (unit != null) {
                setUnit(copy, unit.get(frame));
            }
        }

        @TruffleBoundary
        private static Metric copy(TransformContext record) {
            Metric copy = record.metric().deepCopy();
            MetricSupport.append(record, copy);
            return copy;
        }

        @TruffleBoundary
        private static void setName(Metric m, String v) {
            m.setName(v);
        }

        @TruffleBoundary
        private static void setDescription(Metric m, String v) {
            m.setDescription(v);
        }

        @TruffleBoundary
        private static void setUnit(Metric m, String v) {
            m.setUnit(v);
        }
    }

    @OttlFunction(name = "scale_metric", kind = OttlFunction.Kind.EDITOR, contexts = {ContextKind.METRIC},
            doc = "Multiplies the values of a gauge, sum, histogram or summary by a factor and optionally sets the unit; "
                    + "exponential histograms are an error.",
            example = "scale_metric(10.0, \"kWh\")")
    public static final class ScaleMetricEditor extends EditorNode {
        private final double multiplier;
        @Child private StringGetter unit;

        public ScaleMetricEditor(@Param("multiplier") Double multiplier,
                @Param(value = "unit", optional = true, defaultValue = "the metric's unit") StringGetter unit) {
            this.multiplier = multiplier;
            this.unit = unit;
        }

        @Override
        public void execute(VirtualFrame frame) {
            String u = null;
            if (unit != null) {
                try {
                    u = unit.get(frame);
                } catch (OttlRuntimeException e) {
                    throw unitError(e);
                }
            }
            scale(record(frame).metric(), multiplier, u, this);
        }

        @TruffleBoundary
        private OttlRuntimeException unitError(OttlRuntimeException e) {
            return new OttlRuntimeException("scale_metric: could not get unit: " + e.getMessage(), this);
        }

        @TruffleBoundary
        private static void scale(Metric metric, double factor, String unit, Node location) {
            switch (metric.type()) {
                case GAUGE, SUM -> MetricScale.numbers(metric.dataPoints(), factor);
                case HISTOGRAM -> MetricScale.histograms(metric.dataPoints(), factor);
                case SUMMARY -> MetricScale.summaries(metric.dataPoints(), factor);
                case EXPONENTIAL_HISTOGRAM -> throw new OttlRuntimeException(
                        "exponential histograms are not supported by the 'scale_metric' function", location);
                default -> throw new OttlRuntimeException("scale_metric: unsupported metric type: '"
                        + MetricSupport.typeName(metric.type()) + "'", location);
            }
            if (unit != null) {
                metric.setUnit(unit);
            }
        }
    }

    @OttlFunction(name = "aggregate_on_attributes", kind = OttlFunction.Kind.EDITOR, contexts = {ContextKind.METRIC},
            doc = "Keeps only the given data point attributes (all of them when omitted, none for []) and merges the "
                    + "points left with equal attributes using sum, max, min, mean, median or count (histograms: sum).",
            example = "aggregate_on_attributes(\"sum\", [\"attr1\", \"attr2\"]) where metric.name == \"system.memory.usage\"")
    public static final class AggregateOnAttributesEditor extends EditorNode {
        private final String function;
        private final String[] attributes;

        public AggregateOnAttributesEditor(@Param("aggregation_function") String aggregationFunction,
                @Param(value = "attributes", optional = true, defaultValue = "all attributes kept") String[] attributes) {
            this.function = MetricAggregation.function(aggregationFunction);
            this.attributes = attributes;
        }

        @Override
        public void execute(VirtualFrame frame) {
            aggregate(record(frame).metric(), function, attributes, this);
        }

        @TruffleBoundary
        private static void aggregate(Metric metric, String function, String[] attributes, Node location) {
            if (metric.type() == MetricType.SUMMARY) {
                throw new OttlRuntimeException("aggregate_on_attributes does not support aggregating Summary metrics", location);
            }
            MetricAggregation.filterAttributes(metric, attributes);
            MetricAggregation.aggregate(metric, function);
        }
    }

    @OttlFunction(name = "aggregate_on_attribute_value", kind = OttlFunction.Kind.EDITOR, contexts = {ContextKind.METRIC},
            doc = "Renames the values of a data point attribute to new_value, then merges the points with equal "
                    + "attributes using sum, max, min, mean, median or count (histograms: sum).",
            example = "aggregate_on_attribute_value(\"sum\", \"attr1\", [\"val1\", \"val2\"], \"new_val\")")
    public static final class AggregateOnAttributeValueEditor extends EditorNode {
        private final String function;
        private final String attribute;
        private final String[] values;
        private final String newValue;

        public AggregateOnAttributeValueEditor(@Param("aggregation_function") String aggregationFunction,
                @Param("attribute") String attribute, @Param("values") String[] values, @Param("new_value") String newValue) {
            this.function = MetricAggregation.function(aggregationFunction);
            this.attribute = attribute;
            this.values = values;
            this.newValue = newValue;
        }

        @Override
        public void execute(VirtualFrame frame) {
            aggregate(record(frame).metric(), function, attribute, values, newValue);
        }

        @TruffleBoundary
        private static void aggregate(Metric metric, String function, String attribute, String[] values, String newValue) {
            MetricAggregation.renameValues(metric, attribute, values, newValue);
            MetricAggregation.aggregate(metric, function);
        }
    }

    @OttlFunction(name = "convert_exponential_histogram_to_histogram", kind = OttlFunction.Kind.EDITOR,
            contexts = {ContextKind.METRIC},
            doc = "Turns an exponential histogram into an explicit one with the given bounds, spreading bucket counts "
                    + "by the upper, midpoint, uniform or random method; other metrics are left alone.",
            example = "convert_exponential_histogram_to_histogram(\"upper\", [0.0, 10.0, 100.0, 1000.0])")
    public static final class ConvertExponentialHistogramToHistogramEditor extends EditorNode {
        private final String distribution;
        private final double[] bounds;

        public ConvertExponentialHistogramToHistogramEditor(@Param("distribution_fn") String distributionFn,
                @Param("explicit_bounds") double[] explicitBounds) {
            this.distribution = MetricHistograms.distribution(distributionFn);
            this.bounds = MetricHistograms.bounds(explicitBounds);
        }

        @Override
        public void execute(VirtualFrame frame) {
            convert(record(frame).metric(), distribution, bounds);
        }

        @TruffleBoundary
        private static void convert(Metric metric, String distribution, double[] bounds) {
            MetricHistograms.convert(metric, distribution, bounds);
        }
    }
}
