package io.ottl4j.pdata;

/** The data kind of a metric; numbers as OTTL's {@code METRIC_DATA_TYPE_*} enums. */
public enum MetricType {
    EMPTY(0),
    GAUGE(1),
    SUM(2),
    HISTOGRAM(3),
    EXPONENTIAL_HISTOGRAM(4),
    SUMMARY(5);

    private static final MetricType[] BY_NUMBER = values();

    private final int number;

    MetricType(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The type with that number, or null. */
    public static MetricType forNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    }

    /** Gauges and sums carry {@link NumberDataPoint}s. */
    public boolean isNumber() {
        return this == GAUGE || this == SUM;
    }

    /** Sums, histograms and exponential histograms have an aggregation temporality. */
    public boolean hasTemporality() {
        return this == SUM || this == HISTOGRAM || this == EXPONENTIAL_HISTOGRAM;
    }
}
