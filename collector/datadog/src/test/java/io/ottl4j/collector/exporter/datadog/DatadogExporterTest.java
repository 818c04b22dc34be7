package io.ottl4j.collector.exporter.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.datadog.pb.metrics.MetricPayload;
import io.ottl4j.collector.datadog.pb.metrics.SketchPayload;
import io.ottl4j.collector.datadog.pb.trace.ClientGroupedStats;
import io.ottl4j.collector.datadog.pb.trace.Span;
import io.ottl4j.collector.datadog.pb.trace.TracerPayload;
import io.ottl4j.collector.datadog.testing.FakeIntake;
import io.ottl4j.collector.telemetry.SelfTelemetry;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.Status;
import io.ottl4j.pdata.SummaryDataPoint;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The datadog exporter (and connector) against a loopback intake that decodes every payload. */
class DatadogExporterTest {
    static final String KEY = "0123456789abcdef0123456789abcdef";
    /** Held: LogManager keeps loggers weakly, and a collected logger forgets its handlers. */
    private static final Logger OTTL = Logger.getLogger("io.ottl4j");
    private FakeIntake intake;
    private final List<java.util.logging.LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(java.util.logging.LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws Exception {
        intake = new FakeIntake(KEY);
        // the collector's and the exporter's lines are captured (and checked for the key), not printed
        OTTL.setUseParentHandlers(false);
        OTTL.addHandler(capture);
    }

    @AfterEach
    void stop() {
        OTTL.removeHandler(capture);
        OTTL.setUseParentHandlers(true);
        intake.close();
        for (java.util.logging.LogRecord r : logged) {
            assertThat(String.valueOf(r.getMessage())).doesNotContain(KEY);
        }
    }

    String exporter(String extra) {
        String u = intake.url();
        return """
                exporters:
                  datadog:
                    api: {key: %s, site: datadoghq.eu}
                    hostname: collector-host
                    metrics: {endpoint: %s}
                    traces: {endpoint: %s}
                    logs: {endpoint: %s, batch_wait: 1}
                    sending_queue: {enabled: false}
                    retry_on_failure: {initial_interval: 10ms, max_interval: 20ms}
                    host_metadata: {tags: ['team:social']}
                %s
                """.formatted(KEY, u, u, u, extra);
    }

    @Test
    void tracesStatsMetricsLogsAndHostMetadata() throws Exception {
        String yaml = """
                receivers: {testsource: {}}
                connectors: {datadog/connector: {}}
                """ + exporter("") + """
                service:
                  pipelines:
                    traces/all: {receivers: [testsource], exporters: [datadog/connector]}
                    traces/out: {receivers: [datadog/connector], exporters: [datadog]}
                    metrics: {receivers: [datadog/connector, testsource], exporters: [datadog]}
                    logs: {receivers: [testsource], exporters: [datadog]}
                """;
        try (Harness h = Harness.start(yaml)) {
            h.send("testsource", traces());
            h.send("testsource", metrics());
            h.send("testsource", logs());
            FakeIntake.await(Duration.ofSeconds(30), () -> !intake.traces.isEmpty() && !intake.series.isEmpty() && intake.logs.size() == 2
                    && !intake.hostMetadata.isEmpty());
        }
        // shutdown flushed the connector's open buckets through the exporter
        FakeIntake.await(Duration.ofSeconds(30), () -> !intake.stats.isEmpty());
        assertThat(intake.errors).isEmpty();

        FakeIntake.Request tr = intake.requests("/api/v0.2/traces").get(0);
        assertThat(tr.header("Content-Type")).isEqualTo("application/x-protobuf");
        assertThat(tr.header("X-Datadog-Reported-Languages")).isEqualTo("ruby");
        TracerPayload tp = intake.traces.get(0).getTracerPayloads(0);
        assertThat(tp.getHostname()).isEqualTo("node-7-k8s-1");
        assertThat(tp.getEnv()).isEqualTo("production");
        assertThat(tp.getLanguageName()).isEqualTo("ruby");
        List<Span> spans = tp.getChunks(0).getSpansList();
        assertThat(spans).hasSize(2);
        Span root = spans.stream().filter(s -> s.getParentID() == 0).findFirst().orElseThrow();
        assertThat(root.getService()).isEqualTo("mastodon-web");
        assertThat(root.getName()).isEqualTo("http.server.request");
        assertThat(root.getResource()).isEqualTo("Api::V1::TimelinesController#show");
        assertThat(root.getType()).isEqualTo("web");
        assertThat(root.getError()).isEqualTo(1);
        assertThat(root.getTraceID()).isEqualTo(0x22L);
        assertThat(root.getMetricsMap()).containsEntry("_top_level", 1.0);
        assertThat(root.getMetaMap()).containsEntry("_dd.p.tid", "0000000000000011")
                .doesNotContainKey("resource.name");
        Span db = spans.stream().filter(s -> s.getParentID() != 0).findFirst().orElseThrow();
        assertThat(db.getName()).isEqualTo("postgresql.query");
        assertThat(db.getType()).isEqualTo("sql");
        assertThat(db.getMetricsMap()).doesNotContainKey("_top_level");

        ClientGroupedStats web = intake.stats.stream().flatMap(p -> p.getStatsList().stream()).flatMap(c -> c.getStatsList().stream())
                .flatMap(b -> b.getStatsList().stream()).filter(g -> g.getName().equals("http.server.request")).findFirst().orElseThrow();
        assertThat(web.getHits()).isEqualTo(1);
        assertThat(web.getErrors()).isEqualTo(1);
        assertThat(web.getTopLevelHits()).isEqualTo(1);
        assertThat(web.getResource()).isEqualTo("Api::V1::TimelinesController#show");
        assertThat(web.getHTTPStatusCode()).isEqualTo(500);
        assertThat(intake.stats.get(0).getAgentHostname()).isEqualTo("collector-host");
        assertThat(intake.requests("/api/v0.2/stats").get(0).header("Content-Type")).isEqualTo("application/msgpack");

        List<MetricPayload.MetricSeries> series = intake.series.stream().flatMap(p -> p.getSeriesList().stream()).toList();
        MetricPayload.MetricSeries gauge = series.stream().filter(s -> s.getMetric().equals("puma.threads")).findFirst().orElseThrow();
        assertThat(gauge.getType()).isEqualTo(MetricPayload.MetricType.GAUGE);
        assertThat(gauge.getPoints(0).getValue()).isEqualTo(5.0);
        assertThat(gauge.getPoints(0).getTimestamp()).isEqualTo(1_700_000_000L);
        assertThat(gauge.getResources(0).getName()).isEqualTo("node-7-k8s-1");
        assertThat(gauge.getTagsList()).contains("kube_namespace:mastodon", "pod_name:web-1", "service:mastodon-web", "env:production", "worker:1");
        assertThat(series).noneMatch(s -> s.getMetric().equals("dd.internal.stats.payload"));
        MetricPayload.MetricSeries count = series.stream().filter(s -> s.getMetric().equals("requests")).findFirst().orElseThrow();
        assertThat(count.getType()).isEqualTo(MetricPayload.MetricType.COUNT);
        assertThat(intake.requests("/api/v2/series").get(0).header("Content-Encoding")).isEqualTo("deflate");
        SketchPayload.Sketch sketch = intake.sketches.get(0).getSketches(0);
        assertThat(sketch.getMetric()).isEqualTo("latency");
        assertThat(sketch.getDogsketches(0).getCnt()).isEqualTo(6);
        assertThat(sketch.getDogsketches(0).getNList().stream().mapToLong(Integer::toUnsignedLong).sum()).isEqualTo(6);
        assertThat(sketch.getDogsketches(0).getSum()).isEqualTo(21.0);

        JsonNode log = intake.logs.stream().filter(l -> l.path("message").asText().equals("Completed 500")).findFirst().orElseThrow();
        assertThat(log.path("status").asText()).isEqualTo("error");
        assertThat(log.path("hostname").asText()).isEqualTo("node-7-k8s-1");
        assertThat(log.path("service").asText()).isEqualTo("mastodon-web");
        assertThat(log.path("dd.trace_id").asText()).isEqualTo(Long.toUnsignedString(0x22L));
        assertThat(log.path("otel.trace_id").asText()).isEqualTo("00000000000000110000000000000022");
        assertThat(log.path("ddtags").asText()).contains("kube_namespace:mastodon", "otel_source:datadog_exporter");
        assertThat(log.path("k8s.pod.name").asText()).isEqualTo("web-1");
        assertThat(log.path("http.status").asLong()).isEqualTo(500);
        assertThat(intake.logs.stream().filter(l -> l.path("message").asText().equals("warming up")).findFirst().orElseThrow()
                .path("status").asText()).isEqualTo("warn");
        FakeIntake.Request lr = intake.requests("/api/v2/logs").get(0);
        assertThat(lr.header("Content-Encoding")).isEqualTo("gzip");

        JsonNode meta = intake.hostMetadata.get(0);
        assertThat(meta.path("internalHostname").asText()).isEqualTo("collector-host");
        assertThat(meta.path("host-tags").path("otel").get(0).asText()).isEqualTo("team:social");
        assertThat(intake.requests("/api/v1/validate")).isNotEmpty();
        for (FakeIntake.Request r : intake.requests) {
            assertThat(r.header("DD-API-KEY")).isEqualTo(KEY);
        }
    }

    @Test
    void retriesThenDelivers() throws Exception {
        String yaml = "receivers: {testsource: {}}\n" + exporter("") + "service: {pipelines: {traces: {receivers: [testsource], exporters: [datadog]}}}\n";
        try (Harness h = Harness.start(yaml)) {
            intake.failNext(2, 503);
            h.send("testsource", traces());
            assertThat(intake.traces).hasSize(1);
        }
    }

    @Test
    void aRetryResumesWithoutResendingOrRecomputingDeltas() throws Exception {
        DatadogExporterFactory f = new DatadogExporterFactory();
        String u = intake.url();
        DatadogConfig cfg = TestComponents.decode(f, "api: {key: " + KEY + "}\nmetrics: {endpoint: " + u + ", sums: {initial_cumulative_monotonic_value: keep}}\n"
                + "host_metadata: {enabled: false}\nsending_queue: {enabled: false}\nretry_on_failure: {initial_interval: 10ms, max_interval: 20ms}");
        ExporterFactory.Exporter e = f.create(TestComponents.settings(Kind.EXPORTER, "datadog"), cfg, io.ottl4j.pdata.Signal.METRICS);
        e.start(host());
        TelemetryBatch<Metric> b = metrics(); // series (with a cumulative-free mix) and a sketch: two requests
        Metric cum = new Metric();
        cum.setName("jobs");
        cum.setType(MetricType.SUM);
        cum.setMonotonic(true);
        cum.setAggregationTemporality(Metric.TEMPORALITY_CUMULATIVE);
        NumberDataPoint dp = cum.addNumberDataPoint();
        dp.setStartTimeUnixNano(1);
        dp.setTimeUnixNano(1_700_000_000_000_000_000L);
        dp.setIntValue(10);
        b.resources().get(0).scopes().get(0).items().add(cum);
        intake.failNext(1, 503); // the first request (series) is refused once
        e.consume(b);
        e.shutdown();
        assertThat(intake.requests("/api/v2/series")).hasSize(1);
        assertThat(intake.requests("/api/beta/sketches")).hasSize(1);
        MetricPayload.MetricSeries jobs = intake.series.get(0).getSeriesList().stream().filter(s -> s.getMetric().equals("jobs")).findFirst()
                .orElseThrow();
        assertThat(jobs.getPoints(0).getValue()).isEqualTo(10.0); // kept as the first point, not re-encoded as a zero delta
    }

    @Test
    void invalidKeyFailsStartOnlyWhenAsked() throws Exception {
        DatadogExporterFactory f = new DatadogExporterFactory();
        String u = intake.url();
        DatadogConfig cfg = TestComponents.decode(f, "api: {key: 'ffffffffffffffffffffffffffffffff', fail_on_invalid_key: true}\nmetrics: {endpoint: " + u
                + "}\ntraces: {endpoint: " + u + "}\nlogs: {endpoint: " + u + "}\nhost_metadata: {enabled: false}");
        ExporterFactory.Exporter e = f.create(TestComponents.settings(Kind.EXPORTER, "datadog"), cfg, io.ottl4j.pdata.Signal.TRACES);
        assertThatThrownBy(() -> e.start(host())).hasMessage("API Key validation failed");
        e.shutdown();
        DatadogConfig lenient = TestComponents.decode(f, "api: {key: 'ffffffffffffffffffffffffffffffff'}\nmetrics: {endpoint: " + u + "}\nhost_metadata: {enabled: false}");
        ExporterFactory.Exporter e2 = f.create(TestComponents.settings(Kind.EXPORTER, "datadog"), lenient, io.ottl4j.pdata.Signal.TRACES);
        e2.start(host());
        e2.shutdown();
        assertThat(logged).anyMatch(r -> r.getMessage().contains("API Key validation failed"));
    }

    @Test
    void jsonV1SeriesCountersAndSummariesWhenConfigured() throws Exception {
        DatadogExporterFactory f = new DatadogExporterFactory();
        String u = intake.url();
        DatadogConfig cfg = TestComponents.decode(f, "api: {key: " + KEY + "}\nhostname: h1\nmetrics: {endpoint: " + u
                + ", histograms: {mode: counters, send_aggregation_metrics: true}, summaries: {mode: gauges}}\nhost_metadata: {enabled: false}\nsending_queue: {enabled: false}");
        CreateSettings s = new CreateSettings(ComponentId.parse("datadog"), Kind.EXPORTER, SelfTelemetry.noop(), Set.of(Senders.NATIVE_CLIENT_GATE), "t");
        ExporterFactory.Exporter e = f.create(s, cfg, io.ottl4j.pdata.Signal.METRICS);
        e.start(host());
        e.consume(metrics());
        e.shutdown();
        List<JsonNode> all = new ArrayList<>();
        intake.seriesV1.forEach(p -> p.path("series").forEach(all::add));
        assertThat(all).extracting(n -> n.path("metric").asText()).contains("puma.threads", "latency.bucket", "latency.count", "latency.sum",
                "gc.pause.quantile");
        JsonNode bucket = all.stream().filter(n -> n.path("metric").asText().equals("latency.bucket")
                && n.path("tags").toString().contains("upper_bound:2")).findFirst().orElseThrow();
        assertThat(bucket.path("type").asText()).isEqualTo("count");
        assertThat(bucket.path("points").get(0).get(1).asDouble()).isEqualTo(2.0);
        assertThat(bucket.path("tags").toString()).contains("lower_bound:1");
        assertThat(all.stream().filter(n -> n.path("metric").asText().equals("puma.threads")).findFirst().orElseThrow().path("host").asText())
                .isEqualTo("node-7-k8s-1");
        assertThat(intake.sketches).isEmpty();
    }

    @Test
    void jsonV2SeriesWhenTheSerializerGateIsOff() throws Exception {
        DatadogExporterFactory f = new DatadogExporterFactory();
        DatadogConfig cfg = TestComponents.decode(f, "api: {key: " + KEY + "}\nmetrics: {endpoint: " + intake.url()
                + "}\nhost_metadata: {enabled: false}\nsending_queue: {enabled: false}");
        CreateSettings s = new CreateSettings(ComponentId.parse("datadog"), Kind.EXPORTER, SelfTelemetry.noop(), Set.of("-" + Senders.SERIALIZER_GATE), "t");
        ExporterFactory.Exporter e = f.create(s, cfg, io.ottl4j.pdata.Signal.METRICS);
        e.start(host());
        e.consume(metrics());
        e.shutdown();
        JsonNode threads = null;
        for (JsonNode p : intake.seriesV2Json) {
            for (JsonNode n : p.path("series")) {
                if (n.path("metric").asText().equals("puma.threads")) {
                    threads = n;
                }
            }
        }
        assertThat(threads).isNotNull();
        assertThat(threads.path("type").asInt()).isEqualTo(3);
        assertThat(threads.path("points").get(0).path("value").asDouble()).isEqualTo(5.0);
        assertThat(threads.path("resources").get(0).path("name").asText()).isEqualTo("node-7-k8s-1");
        assertThat(intake.series).isEmpty();
    }

    @Test
    void cumulativeSumsBecomeDeltas() throws Exception {
        DatadogExporterFactory f = new DatadogExporterFactory();
        String u = intake.url();
        DatadogConfig cfg = TestComponents.decode(f, "api: {key: " + KEY + "}\nmetrics: {endpoint: " + u
                + ", sums: {initial_cumulative_monotonic_value: keep}}\nhost_metadata: {enabled: false}\nsending_queue: {enabled: false}");
        ExporterFactory.Exporter e = f.create(TestComponents.settings(Kind.EXPORTER, "datadog"), cfg, io.ottl4j.pdata.Signal.METRICS);
        e.start(host());
        for (long v : new long[] {10, 15, 22}) {
            TelemetryBatch<Metric> b = TelemetryBatch.metrics();
            Metric m = new Metric();
            m.setName("jobs");
            m.setType(MetricType.SUM);
            m.setMonotonic(true);
            m.setAggregationTemporality(Metric.TEMPORALITY_CUMULATIVE);
            NumberDataPoint dp = m.addNumberDataPoint();
            dp.setStartTimeUnixNano(1);
            dp.setTimeUnixNano(v * 1_000_000_000L);
            dp.setIntValue(v);
            b.addResource().addScope().items().add(m);
            e.consume(b);
        }
        e.shutdown();
        assertThat(intake.series.stream().flatMap(p -> p.getSeriesList().stream()).map(s -> s.getPoints(0).getValue()).toList())
                .containsExactly(10.0, 5.0, 7.0);
    }

    @Test
    void configDecodingSitesAndErrors() throws Exception {
        DatadogExporterFactory f = new DatadogExporterFactory();
        DatadogConfig eu = TestComponents.decode(f, "api: {key: " + KEY + ", site: datadoghq.eu}");
        assertThat(eu.metrics().endpoint()).isEqualTo("https://api.datadoghq.eu");
        assertThat(eu.traces().endpoint()).isEqualTo("https://trace.agent.datadoghq.eu");
        assertThat(eu.logs().endpoint()).isEqualTo("https://http-intake.logs.datadoghq.eu");
        assertThat(eu.traces().computeStatsBySpanKind()).isTrue();
        assertThat(eu.traces().peerTagsAggregation()).isTrue();
        assertThat(eu.toString()).doesNotContain(KEY);
        for (String site : Sites.ALL) {
            DatadogConfig c = TestComponents.decode(f, "api: {key: " + KEY + ", site: " + site + "}");
            assertThat(c.metrics().endpoint()).isEqualTo("https://api." + site);
        }
        DatadogConfig seed = TestComponents.decode(f, "api: {key: " + KEY + ", site: us5.datadoghq.com}\ntraces: {compute_stats_by_span_kind: true, trace_buffer: 500}");
        assertThat(seed.traces().traceBuffer()).isEqualTo(500);
        assertThat(TestComponents.problems(f, "api: {site: datadoghq.com}")).anyMatch(p -> p.contains("api.key is not set"));
        List<String> bad = TestComponents.problems(f, "api: {key: 'not-a-key-zz'}\nmetrics: {histograms: {mode: nobuckets}, sums: {cumulative_monotonic_mode: x}}\n"
                + "host_metadata: {hostname_source: nope}\nheaders: {a: b}");
        assertThat(bad).anyMatch(p -> p.contains("hexadecimal")).anyMatch(p -> p.contains("'nobuckets' mode"))
                .anyMatch(p -> p.contains("cumulative_monotonic_mode")).anyMatch(p -> p.contains("hostname_source"))
                .anyMatch(p -> p.contains("headers is not supported"));
        assertThat(String.join("\n", bad)).doesNotContain("not-a-key-zz");
    }

    static Host host() {
        return new Host() {
            @Override
            public Map<ComponentId, io.ottl4j.collector.component.Component> extensions() {
                return Map.of();
            }

            @Override
            public void reportFatalError(Throwable error) {
            }
        };
    }

    static void k8sResource(ResourceGroup<?> rg) {
        rg.resource().attributes().putString("service.name", "mastodon-web");
        rg.resource().attributes().putString("deployment.environment.name", "production");
        rg.resource().attributes().putString("k8s.namespace.name", "mastodon");
        rg.resource().attributes().putString("k8s.pod.name", "web-1");
        rg.resource().attributes().putString("k8s.node.name", "node-7-k8s-1");
        rg.resource().attributes().putString("telemetry.sdk.language", "ruby");
    }

    static TelemetryBatch<io.ottl4j.pdata.Span> traces() {
        TelemetryBatch<io.ottl4j.pdata.Span> b = TelemetryBatch.traces();
        ResourceGroup<io.ottl4j.pdata.Span> rg = b.addResource();
        k8sResource(rg);
        ScopeGroup<io.ottl4j.pdata.Span> sg = rg.addScope();
        io.ottl4j.pdata.Span root = new io.ottl4j.pdata.Span();
        root.setName("GET /api/v1/timelines/home");
        root.setKind(io.ottl4j.pdata.Span.KIND_SERVER);
        root.setTraceId(TraceId.of(0x11, 0x22));
        root.setSpanId(SpanId.of(1));
        root.setStartTimeUnixNano(1_700_000_000_000_000_000L);
        root.setEndTimeUnixNano(1_700_000_000_100_000_000L);
        root.status().setCode(Status.CODE_ERROR);
        root.attributes().putString("http.request.method", "GET");
        root.attributes().putLong("http.response.status_code", 500);
        root.attributes().putString("resource.name", "Api::V1::TimelinesController#show");
        sg.items().add(root);
        io.ottl4j.pdata.Span db = new io.ottl4j.pdata.Span();
        db.setName("SELECT statuses");
        db.setKind(io.ottl4j.pdata.Span.KIND_CLIENT);
        db.setTraceId(TraceId.of(0x11, 0x22));
        db.setSpanId(SpanId.of(2));
        db.setParentSpanId(SpanId.of(1));
        db.setStartTimeUnixNano(1_700_000_000_010_000_000L);
        db.setEndTimeUnixNano(1_700_000_000_020_000_000L);
        db.attributes().putString("db.system", "postgresql");
        sg.items().add(db);
        return b;
    }

    static TelemetryBatch<Metric> metrics() {
        TelemetryBatch<Metric> b = TelemetryBatch.metrics();
        ResourceGroup<Metric> rg = b.addResource();
        k8sResource(rg);
        ScopeGroup<Metric> sg = rg.addScope();
        Metric g = new Metric();
        g.setName("puma.threads");
        g.setType(MetricType.GAUGE);
        NumberDataPoint gp = g.addNumberDataPoint();
        gp.setTimeUnixNano(1_700_000_000_000_000_000L);
        gp.setDoubleValue(5);
        gp.attributes().putString("worker", "1");
        sg.items().add(g);
        Metric c = new Metric();
        c.setName("requests");
        c.setType(MetricType.SUM);
        c.setMonotonic(true);
        c.setAggregationTemporality(Metric.TEMPORALITY_DELTA);
        NumberDataPoint cp = c.addNumberDataPoint();
        cp.setTimeUnixNano(1_700_000_000_000_000_000L);
        cp.setIntValue(3);
        sg.items().add(c);
        Metric h = new Metric();
        h.setName("latency");
        h.setType(MetricType.HISTOGRAM);
        h.setAggregationTemporality(Metric.TEMPORALITY_DELTA);
        HistogramDataPoint hp = h.addHistogramDataPoint();
        hp.setTimeUnixNano(1_700_000_000_000_000_000L);
        hp.setExplicitBounds(new double[] {1, 2, 5});
        hp.setBucketCounts(new long[] {1, 2, 3, 0});
        hp.setCount(6);
        hp.setSum(21);
        sg.items().add(h);
        Metric s = new Metric();
        s.setName("gc.pause");
        s.setType(MetricType.SUMMARY);
        SummaryDataPoint sp = s.addSummaryDataPoint();
        sp.setTimeUnixNano(1_700_000_000_000_000_000L);
        sp.setCount(4);
        sp.setSum(8);
        sp.quantileValues().add(new SummaryDataPoint.ValueAtQuantile(0.5, 1.5));
        sg.items().add(s);
        return b;
    }

    static TelemetryBatch<LogRecord> logs() {
        TelemetryBatch<LogRecord> b = TelemetryBatch.logs();
        ResourceGroup<LogRecord> rg = b.addResource();
        k8sResource(rg);
        ScopeGroup<LogRecord> sg = rg.addScope();
        LogRecord l = new LogRecord();
        l.setBody("Completed 500");
        l.setSeverityNumber(17);
        l.setTimeUnixNano(1_700_000_000_123_000_000L);
        l.setTraceId(TraceId.of(0x11, 0x22));
        l.setSpanId(SpanId.of(1));
        l.attributes().putLong("http.status", 500);
        sg.items().add(l);
        LogRecord w = new LogRecord();
        w.setBody("warming up");
        w.setSeverityNumber(13);
        sg.items().add(w);
        return b;
    }
}
