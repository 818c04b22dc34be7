package io.ottl4j.pdata;

/**
 * What the two histogram points share: the count and the optional sum, min and max. Package-private: its
 * public methods are part of each subclass's API.
 */
abstract sealed class HistogramBase extends DataPoint permits HistogramDataPoint, ExponentialHistogramDataPoint {
    private long count;
    private boolean hasSum;
    private double sum;
    private boolean hasMin;
    private double min;
    private boolean hasMax;
    private double max;

    HistogramBase() {}

    /** An OTLP fixed64 (unsigned). */
    public long count() {
        return count;
    }

    public void setCount(long count) {
        this.count = count;
    }

    public boolean hasSum() {
        return hasSum;
    }

    /** The sum, or 0.0 when absent. */
    public double sum() {
        return sum;
    }

    public void setSum(double sum) {
        this.sum = sum;
        this.hasSum = true;
    }

    public void clearSum() {
        this.sum = 0;
        this.hasSum = false;
    }

    public boolean hasMin() {
        return hasMin;
    }

    public double min() {
        return min;
    }

    public void setMin(double min) {
        this.min = min;
        this.hasMin = true;
    }

    public void clearMin() {
        this.min = 0;
        this.hasMin = false;
    }

    public boolean hasMax() {
        return hasMax;
    }

    public double max() {
        return max;
    }

    public void setMax(double max) {
        this.max = max;
        this.hasMax = true;
    }

    public void clearMax() {
        this.max = 0;
        this.hasMax = false;
    }

    /** Copies the shared point fields (deeply) and the count, sum, min and max into {@code c}. */
    final <P extends HistogramBase> P copyHistogramCommonTo(P c) {
        HistogramBase h = copyCommonTo(c);
        h.count = count;
        h.hasSum = hasSum;
        h.sum = sum;
        h.hasMin = hasMin;
        h.min = min;
        h.hasMax = hasMax;
        h.max = max;
        return c;
    }
}
