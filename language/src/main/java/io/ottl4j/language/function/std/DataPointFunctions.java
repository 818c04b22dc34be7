package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.TransformContext;
import io.ottl4j.language.function.EditorNode;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.SummaryDataPoint;

/**
 * The transform processor's datapoint-context editors. Like upstream they act on the whole summary
 * metric of the current point: each run (so each point of the summary) appends one new sum metric
 * holding a point per summary point.
 */
public final class DataPointFunctions {
    private DataPointFunctions() {
    }

    /** An editor appending a sum metric made of the counts or sums of the current summary metric's points. */
    abstract static class SummaryToSumEditor extends EditorNode {
        private final boolean count;
        private final int temporality;
        private final boolean monotonic;
        private final String suffix;

        SummaryToSumEditor(boolean count, String stringAggTemp, Boolean monotonic, String suffix) {
            this.count = count;
            this.temporality = MetricSupport.temporality(stringAggTemp);
            this.monotonic = monotonic;
            this.suffix = suffix;
        }

        @Override
        public final void execute(VirtualFrame frame) {
            convert(record(frame), count, temporality, monotonic, suffix);
        }
    }

    @OttlFunction(name = "convert_summary_count_val_to_sum", kind = OttlFunction.Kind.EDITOR, contexts = {ContextKind.DATAPOINT},
            doc = "Appends a sum metric <name><suffix> holding the counts of the summary's points, with the given "
                    + "temporality (\"cumulative\" or \"delta\") and monotonicity; other metrics are left alone.",
            example = "convert_summary_count_val_to_sum(\"delta\", true)")
    public static final class ConvertSummaryCountValToSumEditor extends SummaryToSumEditor {
        public ConvertSummaryCountValToSumEditor(@Param("string_agg_temp") String stringAggTemp, @Param("monotonic") Boolean monotonic,
                @Param(value = "suffix", optional = true, defaultValue = "_count") String suffix) {
            super(true, stringAggTemp, monotonic, suffix == null ? "_count" : suffix);
        }
    }

    @OttlFunction(name = "convert_summary_sum_val_to_sum", kind = OttlFunction.Kind.EDITOR, contexts = {ContextKind.DATAPOINT},
            doc = "Appends a sum metric <name><suffix> holding the sums of the summary's points, with the given "
                    + "temporality (\"cumulative\" or \"delta\") and monotonicity; other metrics are left alone.",
            example = "convert_summary_sum_val_to_sum(\"delta\", true)")
    public static final class ConvertSummarySumValToSumEditor extends SummaryToSumEditor {
        public ConvertSummarySumValToSumEditor(@Param("string_agg_temp") String stringAggTemp, @Param("monotonic") Boolean monotonic,
                @Param(value = "suffix", optional = true, defaultValue = "_sum") String suffix) {
            super(false, stringAggTemp, monotonic, suffix == null ? "_sum" : suffix);
        }
    }

    @TruffleBoundary
    static void convert(TransformContext record, boolean count, int temporality, boolean monotonic, String suffix) {
        Metric metric = record.metric();
        if (metric.type() != MetricType.SUMMARY) {
            return;
        }
        Metric out = MetricSupport.newSum(metric, suffix, metric.unit(), temporality, monotonic);
        for (DataPoint p : metric.dataPoints()) {
            SummaryDataPoint s = (SummaryDataPoint) p;
            if (count) {
                MetricSupport.point(out, s).setIntValue(s.count());
            } else {
                MetricSupport.point(out, s).setDoubleValue(s.sum());
            }
        }
        MetricSupport.append(record, out);
    }
}
