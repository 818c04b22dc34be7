package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.TransformContext;
import io.ottl4j.language.function.EditorNode;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.std.internal.GoFmt;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;

/**
 * The transform processor's {@code extract_percentile_metric} (metric context): an estimate of a percentile
 * of each histogram point, interpolated linearly inside explicit buckets and logarithmically inside
 * exponential ones, as upstream computes it.
 */
public final class MetricPercentiles {
    private MetricPercentiles() {
    }

    /** A point that has nothing to interpolate from is skipped, not an error. */
    private static final double SKIP = Double.NaN;

    @OttlFunction(name = "extract_percentile_metric", kind = OttlFunction.Kind.EDITOR, contexts = {ContextKind.METRIC},
            doc = "Appends a gauge <name><suffix> (default suffix _p<percentile>) estimating the percentile (0 < p < 100) of "
                    + "each point of a histogram or exponential histogram by interpolating inside the bucket that holds it; "
                    + "points with no count are skipped and other metric types are left alone.",
            example = "extract_percentile_metric(95.0) where metric.name == \"http.server.request.duration\"")
    public static final class ExtractPercentileMetricEditor extends EditorNode {
        private final double percentile;
        private final String suffix;
        private final String label;

        public ExtractPercentileMetricEditor(@Param("percentile") double percentile,
                @Param(value = "suffix", optional = true, defaultValue = "_p<percentile>") String suffix) {
            if (!(percentile > 0 && percentile < 100)) {
                throw new OttlArgumentException("percentile", "percentile must be greater than 0 and less than 100, got "
                        + GoFmt.sprintf("%f", new Object[] {percentile}));
            }
            this.percentile = percentile;
            this.label = "p" + GoFmt.sprintf("%g", new Object[] {percentile});
            this.suffix = suffix == null || suffix.isEmpty() ? "_" + label : suffix;
        }

        @Override
        public void execute(VirtualFrame frame) {
            extract(record(frame), percentile, suffix, label, this);
        }

        @TruffleBoundary
        private static void extract(TransformContext record, double percentile, String suffix, String label, Node location) {
            Metric metric = record.metric();
            if (metric.type() != MetricType.HISTOGRAM && metric.type() != MetricType.EXPONENTIAL_HISTOGRAM
                    || metric.dataPoints().isEmpty()) {
                return;
            }
            Metric out = new Metric();
            out.setName(metric.name() + suffix);
            out.setDescription(metric.description().isEmpty() ? label : metric.description() + " (" + label + ")");
            out.setUnit(metric.unit());
            out.setType(MetricType.GAUGE);
            for (DataPoint p : metric.dataPoints()) {
                double v;
                try {
                    v = p instanceof HistogramDataPoint h ? explicit(h, percentile) : exponential((ExponentialHistogramDataPoint) p, percentile);
                } catch (IllegalStateException e) {
                    throw new OttlRuntimeException(e.getMessage(), location);
                }
                if (!Double.isNaN(v)) {
                    MetricSupport.point(out, p).setDoubleValue(v);
                }
            }
            if (!out.dataPoints().isEmpty()) {
                MetricSupport.append(record, out);
            }
        }
    }

    private static long targetCount(long count, double percentile) {
        return (long) Math.ceil((double) count * (percentile / 100.0));
    }

    static double explicit(HistogramDataPoint p, double percentile) {
        long[] counts = p.bucketCounts();
        double[] bounds = p.explicitBounds();
        if (p.count() == 0 || counts.length == 0) {
            return SKIP;
        }
        long target = targetCount(p.count(), percentile);
        if (counts.length != bounds.length + 1) {
            throw new IllegalStateException("calculating histogram percentile: malformed data: bucketCounts length (" + counts.length
                    + ") != explicitBounds length (" + bounds.length + ") + 1");
        }
        if (counts.length == 1) {
            // one bucket spanning everything: only min and max give a range to interpolate in
            if (!p.hasMin() || !p.hasMax()) {
                return SKIP;
            }
            return linear(p.min(), p.max(), (double) target / counts[0]);
        }
        long cumulative = 0;
        for (int i = 0; i < counts.length; i++) {
            long previous = cumulative;
            cumulative += counts[i];
            if (Long.compareUnsigned(cumulative, target) < 0) {
                continue;
            }
            double lower;
            double upper;
            if (i == 0) {
                upper = bounds[0];
                lower = 0;
                if (p.hasMin() && p.min() < upper) {
                    lower = p.min();
                } else if (0 > upper) {
                    return upper;
                }
            } else {
                lower = bounds[i - 1];
                if (i < bounds.length) {
                    upper = bounds[i];
                } else {
                    // the last bucket reaches +Inf: max, when known and above the bound, closes it
                    if (!p.hasMax() || p.max() <= lower) {
                        return lower;
                    }
                    upper = p.max();
                }
            }
            return linear(lower, upper, (double) (target - previous) / counts[i]);
        }
        throw new IllegalStateException("calculating histogram percentile: malformed data: cumulative count doesn't reach target count "
                + "corresponding to percentile. targetCount=" + target + ", total count=" + cumulative);
    }

    static double exponential(ExponentialHistogramDataPoint p, double percentile) {
        long[] negative = p.negative().bucketCounts();
        long[] positive = p.positive().bucketCounts();
        if (p.count() == 0 || negative.length == 0 && positive.length == 0 && p.zeroCount() == 0) {
            return SKIP;
        }
        long target = targetCount(p.count(), percentile);
        int scale = p.scale();
        // negative buckets hold the smallest values, the highest index first
        long negativeTotal = 0;
        for (int i = negative.length - 1; i >= 0; i--) {
            long previous = negativeTotal;
            negativeTotal += negative[i];
            if (negativeTotal >= target) {
                int index = p.negative().offset() + i;
                double absLower = bucketBound(index, scale);
                double absUpper = bucketBound(index + 1, scale);
                if (absLower >= absUpper) {
                    throw new IllegalStateException("calculating exponential histogram percentile: malformed negative bucket bounds: "
                            + "absLowerBound (" + GoFmt.sprintf("%.6f", new Object[] {absLower}) + ") >= absUpperBound ("
                            + GoFmt.sprintf("%.6f", new Object[] {absUpper}) + ") at histogramIndex=" + index + ", scale=" + scale);
                }
                double ratio = (double) (target - previous) / negative[i];
                return -logarithmic(absLower, absUpper, 1 - ratio);
            }
        }
        long zero = p.zeroCount();
        long afterZero = negativeTotal + zero;
        if (afterZero >= target) {
            double lower = -p.zeroThreshold();
            double upper = p.zeroThreshold();
            if (negative.length == 0 && positive.length != 0) {
                lower = 0;
            } else if (positive.length == 0 && negative.length != 0) {
                upper = 0;
            }
            return linear(lower, upper, (double) (target - negativeTotal) / zero);
        }
        long cumulative = afterZero;
        for (int i = 0; i < positive.length; i++) {
            long previous = cumulative;
            cumulative += positive[i];
            if (cumulative >= target) {
                int index = p.positive().offset() + i;
                return logarithmic(bucketBound(index, scale), bucketBound(index + 1, scale), (double) (target - previous) / positive[i]);
            }
        }
        throw new IllegalStateException("calculating exponential histogram percentile: malformed data: cumulative count doesn't reach "
                + "target count corresponding to percentile. targetCount=" + target + ", total count=" + cumulative);
    }

    private static double linear(double lower, double upper, double ratio) {
        if (ratio < 0 || ratio > 1) {
            throw new IllegalStateException("linear interpolation: invalid ratio " + GoFmt.sprintf("%.6f", new Object[] {ratio})
                    + ", must be between 0 and 1");
        }
        return lower + ratio * (upper - lower);
    }

    private static double logarithmic(double lower, double upper, double ratio) {
        if (ratio < 0 || ratio > 1) {
            throw new IllegalStateException("logarithmic interpolation: invalid ratio " + GoFmt.sprintf("%.6f", new Object[] {ratio})
                    + ", must be between 0 and 1");
        }
        if (lower <= 0 || upper <= 0) {
            throw new IllegalStateException("logarithmic interpolation: bounds must be positive, got lowerBound="
                    + GoFmt.sprintf("%.6f", new Object[] {lower}) + ", upperBound=" + GoFmt.sprintf("%.6f", new Object[] {upper}));
        }
        double logLower = log2(lower);
        double logUpper = log2(upper);
        return Math.pow(2, logLower + (logUpper - logLower) * ratio);
    }

    /** Go's math.Log2: exact for powers of two, which bucket bounds often are. */
    private static double log2(double x) {
        int exp = Math.getExponent(x) + 1;
        double frac = Math.scalb(x, -exp);
        if (frac == 0.5) {
            return exp - 1;
        }
        return Math.log(frac) * (1 / Math.log(2)) + exp;
    }

    /** The lower bound of bucket {@code index} at {@code scale} (OpenTelemetry's exponential histogram mapping). */
    private static double bucketBound(int index, int scale) {
        if (scale <= 0) {
            return Math.scalb(1.0, index << -scale);
        }
        return Math.exp(index * Math.scalb(Math.log(2), -scale));
    }
}
