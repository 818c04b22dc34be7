package io.ottl4j.pdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A metric (OTLP {@code Metric}). The proto's {@code data} oneof is flattened: a {@link #type()}, the
 * type's data points in one list, and the two fields that some types carry
 * ({@link #aggregationTemporality()} for sum/histogram/exponential histogram, {@link #isMonotonic()} for
 * sum), which codecs ignore for other types.
 */
public final class Metric implements TelemetryItem<Metric> {
    public static final int TEMPORALITY_UNSPECIFIED = 0;
    public static final int TEMPORALITY_DELTA = 1;
    public static final int TEMPORALITY_CUMULATIVE = 2;

    private String name = "";
    private String description = "";
    private String unit = "";
    private final AttributeMap metadata = new AttributeMap();
    private MetricType type = MetricType.EMPTY;
    private int aggregationTemporality;
    private boolean monotonic;
    private final ArrayList<DataPoint> dataPoints = new ArrayList<>(0);

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String description() {
        return description;
    }

    public void setDescription(String description) {
        this.description = Objects.requireNonNull(description, "description");
    }

    public String unit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    public AttributeMap metadata() {
        return metadata;
    }

    public MetricType type() {
        return type;
    }

    /**
     * Changes the data kind. Gauge ↔ sum keeps the number points; any other change clears them (they
     * would not fit). Fields the new type lacks are reset: temporality unless sum/histogram/exponential
     * histogram, monotonic unless sum.
     */
    public void setType(MetricType newType) {
        Objects.requireNonNull(newType, "type");
        if (newType == type) {
            return;
        }
        if (!(type.isNumber() && newType.isNumber())) {
            dataPoints.clear();
        }
        if (!newType.hasTemporality()) {
            aggregationTemporality = 0;
        }
        if (newType != MetricType.SUM) {
            monotonic = false;
        }
        type = newType;
    }

    /** The proto {@code AggregationTemporality} number ({@link #TEMPORALITY_CUMULATIVE} etc.). */
    public int aggregationTemporality() {
        return aggregationTemporality;
    }

    public void setAggregationTemporality(int aggregationTemporality) {
        this.aggregationTemporality = aggregationTemporality;
    }

    public boolean isMonotonic() {
        return monotonic;
    }

    public void setMonotonic(boolean monotonic) {
        this.monotonic = monotonic;
    }

    /**
     * The data points, all of the class {@link #type()} carries (codecs reject a point that does not
     * {@link DataPoint#fits fit}); a mutable list.
     */
    public List<DataPoint> dataPoints() {
        return dataPoints;
    }

    /** Appends a new empty point of the class the current type carries and returns it. */
    public DataPoint addDataPoint() {
        DataPoint p = DataPoint.create(type);
        dataPoints.add(p);
        return p;
    }

    /** Appends a new number point; the metric must be a gauge or a sum. */
    public NumberDataPoint addNumberDataPoint() {
        return (NumberDataPoint) addChecked(MetricType.GAUGE);
    }

    /** Appends a new histogram point; the metric must be a histogram. */
    public HistogramDataPoint addHistogramDataPoint() {
        return (HistogramDataPoint) addChecked(MetricType.HISTOGRAM);
    }

    /** Appends a new exponential histogram point; the metric must be an exponential histogram. */
    public ExponentialHistogramDataPoint addExponentialHistogramDataPoint() {
        return (ExponentialHistogramDataPoint) addChecked(MetricType.EXPONENTIAL_HISTOGRAM);
    }

    /** Appends a new summary point; the metric must be a summary. */
    public SummaryDataPoint addSummaryDataPoint() {
        return (SummaryDataPoint) addChecked(MetricType.SUMMARY);
    }

    private DataPoint addChecked(MetricType wanted) {
        boolean ok = wanted == MetricType.GAUGE ? type.isNumber() : type == wanted;
        if (!ok) {
            throw new IllegalStateException("metric '" + name + "' is of type " + type + ", cannot add a "
                    + (wanted == MetricType.GAUGE ? "number" : wanted.name().toLowerCase()) + " data point");
        }
        return addDataPoint();
    }

    @Override
    public Metric deepCopy() {
        Metric c = new Metric();
        c.name = name;
        c.description = description;
        c.unit = unit;
        c.metadata.copyFrom(metadata);
        c.type = type;
        c.aggregationTemporality = aggregationTemporality;
        c.monotonic = monotonic;
        c.dataPoints.ensureCapacity(dataPoints.size());
        for (DataPoint p : dataPoints) {
            c.dataPoints.add(p.deepCopy());
        }
        return c;
    }

    @Override
    public String toString() {
        return "Metric{" + name + ", " + type + ", points=" + dataPoints.size() + "}";
    }
}
