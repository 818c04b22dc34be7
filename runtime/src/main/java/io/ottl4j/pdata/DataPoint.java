package io.ottl4j.pdata;

import java.util.ArrayList;
import java.util.List;

/** What all metric data points share. Times are unsigned nanoseconds since the epoch held in a {@code long}. */
public abstract sealed class DataPoint
        permits NumberDataPoint, HistogramBase, SummaryDataPoint {
    public static final int FLAG_NO_RECORDED_VALUE = 1;

    private final AttributeMap attributes = new AttributeMap();
    private long startTimeUnixNano;
    private long timeUnixNano;
    private int flags;
    private final ArrayList<Exemplar> exemplars = new ArrayList<>(0);

    DataPoint() {}

    /** A new empty point of the class the metric type carries; {@link IllegalArgumentException} for {@link MetricType#EMPTY}. */
    public static DataPoint create(MetricType type) {
        return switch (type) {
            case GAUGE, SUM -> new NumberDataPoint();
            case HISTOGRAM -> new HistogramDataPoint();
            case EXPONENTIAL_HISTOGRAM -> new ExponentialHistogramDataPoint();
            case SUMMARY -> new SummaryDataPoint();
            case EMPTY -> throw new IllegalArgumentException("a metric of type EMPTY has no data points");
        };
    }

    /** Whether a metric of type {@code type} carries points of this class. */
    public abstract boolean fits(MetricType type);

    public AttributeMap attributes() {
        return attributes;
    }

    public long startTimeUnixNano() {
        return startTimeUnixNano;
    }

    public void setStartTimeUnixNano(long startTimeUnixNano) {
        this.startTimeUnixNano = startTimeUnixNano;
    }

    public long timeUnixNano() {
        return timeUnixNano;
    }

    public void setTimeUnixNano(long timeUnixNano) {
        this.timeUnixNano = timeUnixNano;
    }

    /** An OTLP uint32 ({@link #FLAG_NO_RECORDED_VALUE}). */
    public int flags() {
        return flags;
    }

    public void setFlags(int flags) {
        this.flags = flags;
    }

    /** The exemplars; a mutable list. */
    public List<Exemplar> exemplars() {
        return exemplars;
    }

    public abstract DataPoint deepCopy();

    /** Copies the shared fields into {@code c} (deeply). */
    final <P extends DataPoint> P copyCommonTo(P c) {
        DataPoint d = c;
        d.attributes.copyFrom(attributes);
        d.startTimeUnixNano = startTimeUnixNano;
        d.timeUnixNano = timeUnixNano;
        d.flags = flags;
        d.exemplars.ensureCapacity(exemplars.size());
        for (Exemplar e : exemplars) {
            d.exemplars.add(e.deepCopy());
        }
        return c;
    }
}
