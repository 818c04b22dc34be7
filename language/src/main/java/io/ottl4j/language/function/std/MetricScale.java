package io.ottl4j.language.function.std;

import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Exemplar;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.NumberDataPoint.NumberKind;
import io.ottl4j.pdata.SummaryDataPoint;
import io.ottl4j.pdata.SummaryDataPoint.ValueAtQuantile;
import java.util.List;

/**
 * scale_metric's arithmetic, as upstream: int values are multiplied as doubles and truncated toward zero;
 * histograms scale sum, min, max, bounds and exemplars (bucket counts stay); summaries scale the sum and
 * quantile values. Number point exemplars are left alone, as upstream does.
 */
final class MetricScale {
    private MetricScale() {
    }

    static void numbers(List<DataPoint> points, double factor) {
        for (DataPoint d : points) {
            NumberDataPoint p = (NumberDataPoint) d;
            if (p.valueKind() == NumberKind.INT) {
                p.setIntValue((long) (p.intValue() * factor));
            } else if (p.valueKind() == NumberKind.DOUBLE) {
                p.setDoubleValue(p.doubleValue() * factor);
            }
        }
    }

    static void histograms(List<DataPoint> points, double factor) {
        for (DataPoint d : points) {
            HistogramDataPoint p = (HistogramDataPoint) d;
            if (p.hasSum()) {
                p.setSum(p.sum() * factor);
            }
            if (p.hasMin()) {
                p.setMin(p.min() * factor);
            }
            if (p.hasMax()) {
                p.setMax(p.max() * factor);
            }
            double[] bounds = p.explicitBounds().clone();
            for (int i = 0; i < bounds.length; i++) {
                bounds[i] *= factor;
            }
            p.setExplicitBounds(bounds);
            for (Exemplar e : p.exemplars()) {
                if (e.valueKind() == NumberKind.INT) {
                    e.setIntValue((long) (e.intValue() * factor));
                } else if (e.valueKind() == NumberKind.DOUBLE) {
                    e.setDoubleValue(e.doubleValue() * factor);
                }
            }
        }
    }

    static void summaries(List<DataPoint> points, double factor) {
        for (DataPoint d : points) {
            SummaryDataPoint p = (SummaryDataPoint) d;
            p.setSum(p.sum() * factor);
            for (ValueAtQuantile q : p.quantileValues()) {
                q.setValue(q.value() * factor);
            }
        }
    }
}
