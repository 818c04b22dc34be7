package io.ottl4j.collector.exporter.datadog;

import io.ottl4j.collector.datadog.mapping.Hosts;
import io.ottl4j.collector.datadog.mapping.Tags;
import io.ottl4j.collector.datadog.pb.metrics.MetricPayload;
import io.ottl4j.collector.datadog.pb.metrics.SketchPayload;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.SummaryDataPoint;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * OTel metrics → Datadog series and sketches (opentelemetry-mapping-go metrics translator): gauges as
 * gauges; monotonic cumulative sums as delta counts ({@code to_delta}) or gauges ({@code raw_value});
 * delta sums as counts; histograms per {@code histograms.mode}; summaries per {@code summaries.mode};
 * exponential histograms as sketches. Every series carries its host (resolved as upstream) and the
 * resource's tags.
 */
final class MetricsEncoder {
    private final DatadogConfig.Metrics config;
    private final String fallbackHost;
    private final DeltaCache deltas;
    private final long startNanos;

    /** One point of one series, before it is encoded as protobuf or JSON. */
    record Point(String metric, MetricPayload.MetricType type, List<String> tags, String host, long timestamp, double value, String unit) {
    }

    /** What a batch becomes. */
    record Encoded(List<Point> series, List<SketchPayload.Sketch> sketches, int skipped) {
    }

    MetricsEncoder(DatadogConfig.Metrics config, String fallbackHost, long nowNanos) {
        this.config = config;
        this.fallbackHost = fallbackHost;
        this.deltas = new DeltaCache(config.deltaTtl().toNanos());
        this.startNanos = nowNanos;
    }

    Encoded encode(TelemetryBatch<?> batch, long nowNanos) {
        List<Point> series = new ArrayList<>();
        List<SketchPayload.Sketch> sketches = new ArrayList<>();
        int skipped = 0;
        synchronized (deltas) {
            deltas.expire(nowNanos);
            for (ResourceGroup<?> rg : batch.resources()) {
                AttributeMap res = rg.resource().attributes();
                String host = Hosts.resolve(res, fallbackHost);
                List<String> resTags = Tags.fromResource(res, config.resourceAttributesAsTags());
                for (ScopeGroup<?> sg : rg.scopes()) {
                    List<String> base = new ArrayList<>(resTags);
                    if (config.scopeMetadataAsTags()) {
                        base.add("instrumentation_scope:" + sg.scope().name());
                        base.add("instrumentation_scope_version:" + sg.scope().version());
                    }
                    for (Object item : sg.items()) {
                        Metric m = (Metric) item;
                        if (io.ottl4j.collector.datadog.stats.StatsMetric.NAME.equals(m.name()) && m.type() == io.ottl4j.pdata.MetricType.SUM) {
                            continue; // APM stats travel separately
                        }
                        try {
                            metric(m, host, base, series::add, sketches::add, nowNanos);
                        } catch (RuntimeException e) { // a metric that cannot be translated is dropped, not the batch
                            skipped++;
                        }
                    }
                }
            }
        }
        return new Encoded(series, sketches, skipped);
    }

    private void metric(Metric m, String host, List<String> base, Consumer<Point> out, Consumer<SketchPayload.Sketch> sketches, long now) {
        for (DataPoint dp : m.dataPoints()) {
            if ((dp.flags() & DataPoint.FLAG_NO_RECORDED_VALUE) != 0) {
                continue;
            }
            List<String> tags = new ArrayList<>(base);
            Tags.addAttributes(tags, dp.attributes());
            long ts = dp.timeUnixNano() / 1_000_000_000L;
            String key = m.name() + "|" + host + "|" + String.join(",", new java.util.TreeSet<>(tags));
            switch (m.type()) {
                case GAUGE -> out.accept(new Point(m.name(), MetricPayload.MetricType.GAUGE, tags, host, ts, value((NumberDataPoint) dp), m.unit()));
                case SUM -> sum(m, (NumberDataPoint) dp, key, host, tags, ts, out, now);
                case HISTOGRAM -> histogram(m, (HistogramDataPoint) dp, key, host, tags, ts, out, sketches, now);
                case EXPONENTIAL_HISTOGRAM -> sketches.accept(AgentSketch.fromExponential(m.name(), host, tags, ts, (ExponentialHistogramDataPoint) dp));
                case SUMMARY -> summary(m, (SummaryDataPoint) dp, key, host, tags, ts, out, now);
                default -> { }
            }
        }
    }

    private static double value(NumberDataPoint dp) {
        return dp.valueKind() == NumberDataPoint.NumberKind.INT ? dp.intValue() : dp.doubleValue();
    }

    private void sum(Metric m, NumberDataPoint dp, String key, String host, List<String> tags, long ts, Consumer<Point> out, long now) {
        double v = value(dp);
        boolean cumulative = m.aggregationTemporality() == Metric.TEMPORALITY_CUMULATIVE;
        if (!cumulative) {
            out.accept(new Point(m.name(), MetricPayload.MetricType.COUNT, tags, host, ts, v, m.unit()));
            return;
        }
        if (!m.isMonotonic() || config.cumulativeMode() == DatadogConfig.CumulativeMode.RAW_VALUE) {
            out.accept(new Point(m.name(), MetricPayload.MetricType.GAUGE, tags, host, ts, v, m.unit()));
            return;
        }
        Double delta = deltas.delta(key, dp.startTimeUnixNano(), dp.timeUnixNano(), v, now);
        if (delta == null) {
            if (keepFirst(dp.startTimeUnixNano())) {
                out.accept(new Point(m.name(), MetricPayload.MetricType.COUNT, tags, host, ts, v, m.unit()));
            }
            return;
        }
        out.accept(new Point(m.name(), MetricPayload.MetricType.COUNT, tags, host, ts, delta, m.unit()));
    }

    /** The first point of a cumulative series: kept per initial_cumulative_monotonic_value. */
    private boolean keepFirst(long startNanos) {
        return switch (config.initialValue()) {
            case KEEP -> true;
            case DROP -> false;
            case AUTO -> startNanos != 0 && startNanos >= this.startNanos;
        };
    }

    private void histogram(Metric m, HistogramDataPoint dp, String key, String host, List<String> tags, long ts, Consumer<Point> out,
            Consumer<SketchPayload.Sketch> sketches, long now) {
        long[] counts = dp.bucketCounts() == null ? new long[0] : dp.bucketCounts().clone();
        long count = dp.count();
        double sum = dp.hasSum() ? dp.sum() : 0;
        if (m.aggregationTemporality() == Metric.TEMPORALITY_CUMULATIVE) {
            DeltaCache.HistogramDelta d = deltas.histogram(key, dp.startTimeUnixNano(), count, sum, counts, now);
            if (d == null) {
                if (!keepFirst(dp.startTimeUnixNano())) {
                    return;
                }
            } else {
                count = d.count();
                sum = d.sum();
                counts = d.buckets();
            }
        }
        double[] bounds = dp.explicitBounds() == null ? new double[0] : dp.explicitBounds();
        switch (config.histogramMode()) {
            case DISTRIBUTIONS -> sketches.accept(AgentSketch.fromBuckets(m.name(), host, tags, ts, bounds, counts, count, sum,
                    dp.hasMin() ? dp.min() : Double.NaN, dp.hasMax() ? dp.max() : Double.NaN));
            case COUNTERS -> {
                for (int i = 0; i < counts.length; i++) {
                    List<String> bt = new ArrayList<>(tags);
                    bt.add("lower_bound:" + bound(i == 0 ? Double.NEGATIVE_INFINITY : bounds[i - 1]));
                    bt.add("upper_bound:" + bound(i < bounds.length ? bounds[i] : Double.POSITIVE_INFINITY));
                    out.accept(new Point(m.name() + ".bucket", MetricPayload.MetricType.COUNT, bt, host, ts, counts[i], m.unit()));
                }
            }
            case NOBUCKETS -> { }
        }
        if (config.sendAggregations()) {
            out.accept(new Point(m.name() + ".count", MetricPayload.MetricType.COUNT, tags, host, ts, count, m.unit()));
            out.accept(new Point(m.name() + ".sum", MetricPayload.MetricType.COUNT, tags, host, ts, sum, m.unit()));
            if (m.aggregationTemporality() == Metric.TEMPORALITY_DELTA && dp.hasMin()) {
                out.accept(new Point(m.name() + ".min", MetricPayload.MetricType.GAUGE, tags, host, ts, dp.min(), m.unit()));
            }
            if (m.aggregationTemporality() == Metric.TEMPORALITY_DELTA && dp.hasMax()) {
                out.accept(new Point(m.name() + ".max", MetricPayload.MetricType.GAUGE, tags, host, ts, dp.max(), m.unit()));
            }
        }
    }

    private static String bound(double b) {
        if (Double.isInfinite(b)) {
            return b > 0 ? "inf" : "-inf";
        }
        return b == Math.rint(b) && Math.abs(b) < 1e15 ? Long.toString((long) b) : Double.toString(b);
    }

    private void summary(Metric m, SummaryDataPoint dp, String key, String host, List<String> tags, long ts, Consumer<Point> out, long now) {
        Double count = deltas.delta(key + "|count", dp.startTimeUnixNano(), dp.timeUnixNano(), dp.count(), now);
        Double sum = deltas.delta(key + "|sum", dp.startTimeUnixNano(), dp.timeUnixNano(), dp.sum(), now);
        if (count != null) {
            out.accept(new Point(m.name() + ".count", MetricPayload.MetricType.COUNT, tags, host, ts, count, m.unit()));
        }
        if (sum != null) {
            out.accept(new Point(m.name() + ".sum", MetricPayload.MetricType.COUNT, tags, host, ts, sum, m.unit()));
        }
        if (config.summaryMode() == DatadogConfig.SummaryMode.GAUGES) {
            for (SummaryDataPoint.ValueAtQuantile q : dp.quantileValues()) {
                List<String> qt = new ArrayList<>(tags);
                qt.add("quantile:" + bound(q.quantile()));
                out.accept(new Point(m.name() + ".quantile", MetricPayload.MetricType.GAUGE, qt, host, ts, q.value(), m.unit()));
            }
        }
    }

    /** Series as the serializer's protobuf {@code MetricPayload} (POST /api/v2/series). */
    static MetricPayload toProto(List<Point> points) {
        MetricPayload.Builder b = MetricPayload.newBuilder();
        for (Point p : points) {
            b.addSeries(MetricPayload.MetricSeries.newBuilder().setMetric(p.metric()).setType(p.type()).addAllTags(p.tags()).setUnit(p.unit())
                    .addResources(MetricPayload.Resource.newBuilder().setType("host").setName(p.host()))
                    .addPoints(MetricPayload.MetricPoint.newBuilder().setTimestamp(p.timestamp()).setValue(p.value())));
        }
        return b.build();
    }

    /**
     * Series as the datadog-api-client's v2 JSON body (POST /api/v2/series, upstream's path before the
     * serializer became the default): type as the intake's number (1 count, 3 gauge), points as objects.
     */
    static String toJsonV2(List<Point> points) {
        StringBuilder sb = new StringBuilder("{\"series\":[");
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"metric\":").append(AnyValue.toJson(p.metric())).append(",\"type\":")
                    .append(p.type().getNumber()).append(",\"points\":[{\"timestamp\":").append(p.timestamp()).append(",\"value\":")
                    .append(Double.isFinite(p.value()) ? Double.toString(p.value()) : "0").append("}],\"resources\":[{\"name\":")
                    .append(AnyValue.toJson(p.host())).append(",\"type\":\"host\"}],\"tags\":[");
            for (int j = 0; j < p.tags().size(); j++) {
                sb.append(j == 0 ? "" : ",").append(AnyValue.toJson(p.tags().get(j)));
            }
            sb.append("],\"unit\":").append(AnyValue.toJson(p.unit())).append(",\"interval\":0}");
        }
        return sb.append("]}").toString();
    }

    /** Series as the v1 JSON body (POST /api/v1/series). */
    static String toJsonV1(List<Point> points) {
        StringBuilder sb = new StringBuilder("{\"series\":[");
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"metric\":");
            sb.append(AnyValue.toJson(p.metric()));
            sb.append(",\"points\":[[").append(p.timestamp()).append(',').append(Double.isFinite(p.value()) ? Double.toString(p.value()) : "0")
                    .append("]],\"type\":\"").append(p.type() == MetricPayload.MetricType.COUNT ? "count" : "gauge").append("\",\"host\":");
            sb.append(AnyValue.toJson(p.host()));
            sb.append(",\"tags\":[");
            for (int j = 0; j < p.tags().size(); j++) {
                sb.append(j == 0 ? "" : ",");
                sb.append(AnyValue.toJson(p.tags().get(j)));
            }
            sb.append("]}");
        }
        return sb.append("]}").toString();
    }
}
