package io.ottl4j.collector.connector.spanmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.testing.Payloads;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.Status;
import io.ottl4j.pdata.TelemetryBatch;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** span_metrics in a pipeline graph, flushing every 100ms to a testsink. */
class SpanMetricsConnectorTest {
    private static Harness start(String type, String config) throws Exception {
        return Harness.start("""
                receivers: {testsource: {}}
                exporters: {testsink: {}}
                connectors:
                  %s:
                %s
                service:
                  pipelines:
                    traces: {receivers: [testsource], exporters: [%1$s]}
                    metrics: {receivers: [%1$s], exporters: [testsink]}
                """.formatted(type, config.indent(4)));
    }

    private static TelemetryBatch<Span> spans(long... durationsMs) {
        String[] names = new String[durationsMs.length];
        java.util.Arrays.fill(names, "GET /");
        TelemetryBatch<Span> b = Payloads.traces("checkout", List.of("deployment", "prod"), names);
        List<Span> items = b.resources().get(0).scopes().get(0).items();
        for (int i = 0; i < durationsMs.length; i++) {
            Span s = items.get(i);
            s.setKind(Span.KIND_SERVER);
            s.setStartTimeUnixNano(1_000_000_000L);
            s.setEndTimeUnixNano(1_000_000_000L + durationsMs[i] * 1_000_000L);
            s.attributes().putString("http.method", "GET");
            if (i == 0) {
                s.status().setCode(Status.CODE_ERROR);
            }
        }
        return b;
    }

    private static Metric metric(TelemetryBatch<?> b, String name) {
        return (Metric) b.resources().get(0).scopes().get(0).items().stream().filter(o -> ((Metric) o).name().equals(name)).findFirst().orElseThrow();
    }

    private static TelemetryBatch<?> awaitFlush(Harness h, int n) throws InterruptedException {
        Harness.await(Duration.ofSeconds(5), () -> h.batches("testsink").size() >= n);
        return h.batches("testsink").get(n - 1);
    }

    @Test
    void callsAndExplicitHistogramByDefaultDimensionsPlusConfiguredOnes() throws Exception {
        try (Harness h = start("spanmetrics", """
                metrics_flush_interval: 100ms
                dimensions:
                  - name: http.method
                  - name: deployment
                  - name: absent
                  - name: region
                    default: eu
                histogram:
                  explicit:
                    buckets: [10ms, 100ms, 1s]
                """)) {
            h.send("testsource", spans(5, 50, 50, 2000));
            TelemetryBatch<?> out = awaitFlush(h, 1);
            assertThat(out.resources().get(0).resource().attributes().get("service.name")).isEqualTo("checkout");
            assertThat(out.resources().get(0).scopes().get(0).scope().name()).isEqualTo(SpanMetrics.SCOPE);
            Metric calls = metric(out, "traces.span.metrics.calls");
            assertThat(calls.type()).isEqualTo(MetricType.SUM);
            assertThat(calls.aggregationTemporality()).isEqualTo(Metric.TEMPORALITY_CUMULATIVE);
            assertThat(calls.dataPoints()).hasSize(2); // the error span is its own series
            DataPoint ok = calls.dataPoints().stream().filter(p -> "STATUS_CODE_UNSET".equals(p.attributes().get("status.code"))).findFirst().orElseThrow();
            assertThat(((NumberDataPoint) ok).intValue()).isEqualTo(3);
            assertThat(ok.attributes().get("service.name")).isEqualTo("checkout");
            assertThat(ok.attributes().get("span.name")).isEqualTo("GET /");
            assertThat(ok.attributes().get("span.kind")).isEqualTo("SPAN_KIND_SERVER");
            assertThat(ok.attributes().get("http.method")).isEqualTo("GET");
            assertThat(ok.attributes().get("deployment")).isEqualTo("prod");
            assertThat(ok.attributes().get("region")).isEqualTo("eu");
            assertThat(ok.attributes().containsKey("absent")).isFalse();
            Metric duration = metric(out, "traces.span.metrics.duration");
            assertThat(duration.unit()).isEqualTo("ms");
            HistogramDataPoint hp = (HistogramDataPoint) duration.dataPoints().stream()
                    .filter(p -> "STATUS_CODE_UNSET".equals(p.attributes().get("status.code"))).findFirst().orElseThrow();
            assertThat(hp.explicitBounds()).containsExactly(10, 100, 1000);
            assertThat(hp.bucketCounts()).containsExactly(0, 2, 0, 1);
            assertThat(hp.count()).isEqualTo(3);
            assertThat(hp.sum()).isEqualTo(2100.0);

            // cumulative: the next flush carries the totals with the same start time
            h.send("testsource", spans(5, 50));
            TelemetryBatch<?> later = awaitFlush(h, h.batches("testsink").size() + 1);
            DataPoint ok2 = metric(later, "traces.span.metrics.calls").dataPoints().stream()
                    .filter(p -> "STATUS_CODE_UNSET".equals(p.attributes().get("status.code"))).findFirst().orElseThrow();
            assertThat(((NumberDataPoint) ok2).intValue()).isEqualTo(4);
            assertThat(ok2.startTimeUnixNano()).isEqualTo(ok.startTimeUnixNano());
        }
    }

    @Test
    void deltaTemporalityResetsAndExponentialHistogram() throws Exception {
        try (Harness h = start("span_metrics", """
                metrics_flush_interval: 100ms
                aggregation_temporality: AGGREGATION_TEMPORALITY_DELTA
                namespace: ""
                exclude_dimensions: [status.code]
                histogram:
                  unit: s
                  exponential:
                    max_size: 4
                """)) {
            h.send("testsource", spans(1, 10, 100, 1000, 10_000));
            TelemetryBatch<?> out = awaitFlush(h, 1);
            Metric calls = metric(out, "calls");
            assertThat(calls.aggregationTemporality()).isEqualTo(Metric.TEMPORALITY_DELTA);
            assertThat(calls.dataPoints()).singleElement().satisfies(p -> {
                assertThat(((NumberDataPoint) p).intValue()).isEqualTo(5);
                assertThat(p.attributes().containsKey("status.code")).isFalse();
            });
            ExponentialHistogramDataPoint ep = (ExponentialHistogramDataPoint) metric(out, "duration").dataPoints().get(0);
            assertThat(ep.count()).isEqualTo(5);
            assertThat(ep.positive().bucketCounts().length).isLessThanOrEqualTo(4);
            assertThat(java.util.Arrays.stream(ep.positive().bucketCounts()).sum()).isEqualTo(5);
            assertThat(ep.sum()).isCloseTo(11.111, org.assertj.core.data.Offset.offset(1e-9));
            // every value lies in its bucket: (2^((offset+i)/2^scale), 2^((offset+i+1)/2^scale)]
            double base = Math.pow(2, Math.pow(2, -ep.scale()));
            int bucket = ExponentialBuckets.index(0.001, ep.scale()) - ep.positive().offset();
            assertThat(ep.positive().bucketCounts()[bucket]).isPositive();
            assertThat(Math.pow(base, ep.positive().offset())).isLessThan(0.001);

            // delta: nothing new, nothing sent; new spans start from zero
            int before = h.batches("testsink").size();
            h.send("testsource", spans(1));
            TelemetryBatch<?> next = awaitFlush(h, before + 1);
            assertThat(((NumberDataPoint) metric(next, "calls").dataPoints().get(0)).intValue()).isEqualTo(1);
        }
    }

    @Test
    void exponentialBucketsStayWithinMaxSize() {
        ExponentialBuckets b = new ExponentialBuckets(8);
        for (double v = 0.5; v < 1e6; v *= 1.7) {
            b.record(v);
        }
        b.record(0);
        assertThat(b.counts().length).isLessThanOrEqualTo(8);
        assertThat(b.zeroCount()).isEqualTo(1);
        double base = Math.pow(2, Math.pow(2, -b.scale()));
        assertThat(Math.pow(base, b.offset())).isLessThan(0.5);
        assertThat(Math.pow(base, b.offset() + b.counts().length)).isGreaterThanOrEqualTo(1e6 / 1.7);
    }

    @Test
    void configErrors() throws Exception {
        String base = """
                receivers: {testsource: {}}
                exporters: {testsink: {}}
                service:
                  pipelines:
                    traces: {receivers: [testsource], exporters: [spanmetrics]}
                    metrics: {receivers: [spanmetrics], exporters: [testsink]}
                connectors:
                  spanmetrics:
                """;
        assertThat(Harness.problems(base + "    histogram: {explicit: {buckets: [1ms]}, exponential: {}}\n")).contains("use either `explicit` or `exponential` buckets histogram");
        assertThat(Harness.problems(base + "    histogram: {explicit: {buckets: [10ms, 1ms]}}\n")).contains("increasing order");
        assertThat(Harness.problems(base + "    aggregation_temporality: SOMETIMES\n")).contains("invalid aggregation_temporality");
        assertThat(Harness.problems(base + "    dimensions: [{name: span.name}]\n")).contains("duplicate dimension name");
        assertThat(Harness.problems(base + "    metrics_flush_interval: 0s\n")).contains("should be positive");
        assertThat(Harness.problems(base + "    events: {enabled: true}\n")).contains("no dimensions configured for events");
        assertThat(Harness.problems(base + "    aggregation_temporality: AGGREGATION_TEMPORALITY_DELTA\n    metric_timestamp_cache_size: 0\n"))
                .contains("invalid delta timestamp cache size");
        assertThat(Harness.problems(base + """
                    exemplars: {enabled: true, max_per_data_point: 5}
                    series_expiration: 5m
                    metrics_expiration: 1h
                    metric_timestamp_cache_size: 100
                    aggregation_cardinality_limit: 1000
                    calls_dimensions: [{name: a}]
                    histogram: {dimensions: [{name: b}]}
                    resource_metrics_key_attributes: [service.name]
                    include_instrumentation_scope: [x]
                    add_resource_attributes: true
                    enable_metrics_sampling_method: false
                    dimensions_cache_size: 10
                    resource_metrics_cache_size: 10
                """)).isEmpty();
        assertThat(Harness.problems(base + "    dimensions: [{name: a, default: x}]\n    metrics_flush_interval: 15s\n")).isEmpty();
    }

    @Test
    void exemplarsEventsAndPerMetricDimensions() throws Exception {
        try (Harness h = start("span_metrics", """
                metrics_flush_interval: 100ms
                exemplars: {enabled: true, max_per_data_point: 2}
                calls_dimensions: [{name: http.method}]
                histogram: {dimensions: [{name: deployment}]}
                events:
                  enabled: true
                  dimensions: [{name: exception.type, default: none}]
                """)) {
            TelemetryBatch<Span> b = spans(5, 50, 70);
            Span first = b.resources().get(0).scopes().get(0).items().get(1);
            io.ottl4j.pdata.SpanEvent e = new io.ottl4j.pdata.SpanEvent();
            e.setName("exception");
            e.attributes().putString("exception.type", "IOException");
            first.events().add(e);
            h.send("testsource", b);
            TelemetryBatch<?> out = awaitFlush(h, 1);
            DataPoint calls = metric(out, "traces.span.metrics.calls").dataPoints().stream()
                    .filter(p -> "STATUS_CODE_UNSET".equals(p.attributes().get("status.code"))).findFirst().orElseThrow();
            assertThat(calls.attributes().get("http.method")).isEqualTo("GET");
            assertThat(calls.attributes().containsKey("deployment")).isFalse();
            assertThat(calls.exemplars()).hasSize(2); // capped by max_per_data_point
            assertThat(calls.exemplars().get(0).traceId()).isEqualTo(first.traceId());
            assertThat(calls.exemplars().get(0).doubleValue()).isEqualTo(50.0);
            DataPoint hist = metric(out, "traces.span.metrics.duration").dataPoints().get(0);
            assertThat(hist.attributes().get("deployment")).isEqualTo("prod");
            assertThat(hist.attributes().containsKey("http.method")).isFalse();
            assertThat(metric(out, "traces.span.metrics.events").dataPoints()).singleElement().satisfies(p -> {
                assertThat(p.attributes().get("exception.type")).isEqualTo("IOException");
                assertThat(((NumberDataPoint) p).intValue()).isEqualTo(1);
            });
        }
    }

    @Test
    void seriesExpireIndividuallyAndTheCardinalityLimitOverflows() throws Exception {
        try (Harness h = start("span_metrics", """
                metrics_flush_interval: 100ms
                series_expiration: 1ns
                aggregation_cardinality_limit: 1
                histogram: {disable: true}
                """)) {
            TelemetryBatch<Span> b = spans(5, 6, 7);
            List<Span> items = b.resources().get(0).scopes().get(0).items();
            items.get(1).setName("b");
            items.get(2).setName("c");
            h.send("testsource", b);
            TelemetryBatch<?> out = awaitFlush(h, 1);
            List<DataPoint> points = metric(out, "traces.span.metrics.calls").dataPoints();
            assertThat(points).hasSize(2);
            assertThat(points).anySatisfy(p -> assertThat(p.attributes().get("otel.metric.overflow")).isEqualTo(true));

            TelemetryBatch<Span> later = spans(5);
            later.resources().get(0).scopes().get(0).items().get(0).setName("later");
            h.send("testsource", later);
            Harness.await(Duration.ofSeconds(30), () -> h.batches("testsink").stream().anyMatch(x -> names(x).contains("later")));
            TelemetryBatch<?> withLater = h.batches("testsink").stream().filter(x -> names(x).contains("later")).findFirst().orElseThrow();
            assertThat(names(withLater)).containsExactly("later"); // "b" and the overflow expired after their flush
        }
    }

    private static List<Object> names(TelemetryBatch<?> b) {
        return metric(b, "traces.span.metrics.calls").dataPoints().stream().map(p -> p.attributes().get("span.name")).toList();
    }
}
