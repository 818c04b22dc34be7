package io.ottl4j.collector.exporter.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.ConnectorFactory;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.PipelineId;
import io.ottl4j.collector.connector.datadog.DatadogConnectorFactory;
import io.ottl4j.collector.datadog.pb.trace.ClientGroupedStats;
import io.ottl4j.collector.datadog.testing.FakeIntake;
import io.ottl4j.collector.service.internal.Fanout;
import io.ottl4j.collector.telemetry.SelfTelemetry;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** traces::trace_buffer against a slow or failing intake, and the exporter's own APM stats (gate off) with and without the connector. */
class TraceBufferAndStatsTest {
    private static final String KEY = DatadogExporterTest.KEY;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Logger OTTL = Logger.getLogger("io.ottl4j");
    private FakeIntake intake;

    @BeforeEach
    void start() throws Exception {
        intake = new FakeIntake(KEY);
        OTTL.setUseParentHandlers(false); // retries and drops are expected here; asserted through what arrives
    }

    @AfterEach
    void stop() {
        OTTL.setUseParentHandlers(true);
        intake.close();
    }

    private DatadogConfig config(String traces, String queue) throws Exception {
        String u = intake.url();
        return TestComponents.decode(new DatadogExporterFactory(), "api: {key: " + KEY + "}\nhostname: h\nmetrics: {endpoint: " + u
                + "}\ntraces: {endpoint: " + u + ", " + traces + "}\nlogs: {endpoint: " + u + "}\nhost_metadata: {enabled: false}\n" + queue
                + "\nretry_on_failure: {initial_interval: 10ms, max_interval: 20ms, max_elapsed_time: 0s}\ntimeout: 2s");
    }

    private static CreateSettings settings(String... gates) {
        return new CreateSettings(ComponentId.parse("datadog"), Kind.EXPORTER, SelfTelemetry.noop(), Set.of(gates), "t");
    }

    /** One trace of one server span, trace ID {@code n}. */
    private static TelemetryBatch<Span> trace(long n) {
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        var rg = b.addResource();
        DatadogExporterTest.k8sResource(rg);
        Span s = new Span();
        s.setName("GET /api/v1/statuses");
        s.setKind(Span.KIND_SERVER);
        s.setTraceId(TraceId.of(0, n));
        s.setSpanId(SpanId.of(n));
        s.setStartTimeUnixNano(1_700_000_000_000_000_000L);
        s.setEndTimeUnixNano(1_700_000_000_050_000_000L);
        s.attributes().putString("http.request.method", "GET");
        s.attributes().putLong("http.response.status_code", 200);
        rg.addScope().items().add(s);
        return b;
    }

    private Set<Long> traceIdsReceived() {
        Set<Long> ids = new HashSet<>();
        intake.traces.forEach(p -> p.getTracerPayloadsList().forEach(t -> t.getChunksList().forEach(c -> c.getSpansList().forEach(s -> ids.add(s.getTraceID())))));
        return ids;
    }

    private long spansReceived() {
        return intake.traces.stream().flatMap(p -> p.getTracerPayloadsList().stream()).flatMap(t -> t.getChunksList().stream())
                .mapToLong(c -> c.getSpansCount()).sum();
    }

    @Test
    void aStuckIntakeFillsTheTraceBufferAndTheSendingQueueHoldsTheRestUntilItRecovers() throws Exception {
        DatadogConfig cfg = config("trace_buffer: 2", "sending_queue: {enabled: true, num_consumers: 2, queue_size: 100}");
        ExporterFactory.Exporter e = new DatadogExporterFactory().create(settings(), cfg, Signal.TRACES);
        e.start(DatadogExporterTest.host());
        intake.hold();
        for (long n = 1; n <= 12; n++) {
            e.consume(trace(n)); // accepted by the sending queue: the caller is never refused
        }
        // two payloads are at the intake (the buffer's two places), the rest wait in the queue
        FakeIntake.await(WAIT, () -> intake.held() == 2);
        assertThat(intake.traces).isEmpty();
        intake.release();
        FakeIntake.await(WAIT, () -> spansReceived() >= 12);
        e.shutdown();
        assertThat(spansReceived()).as("each span exactly once").isEqualTo(12);
        assertThat(traceIdsReceived()).hasSize(12);
        assertThat(intake.errors).isEmpty();
    }

    @Test
    void bufferedPayloadsAreRetriedWhileTheIntakeFails() throws Exception {
        DatadogConfig cfg = config("trace_buffer: 4", "sending_queue: {enabled: false}");
        ExporterFactory.Exporter e = new DatadogExporterFactory().create(settings(), cfg, Signal.TRACES);
        e.start(DatadogExporterTest.host());
        intake.failNext(5, 503);
        for (long n = 1; n <= 3; n++) {
            e.consume(trace(n)); // returns once buffered: the writer retries
        }
        FakeIntake.await(WAIT, () -> spansReceived() >= 3);
        e.shutdown();
        assertThat(spansReceived()).isEqualTo(3);
        assertThat(traceIdsReceived()).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void shutdownSendsWhatTheBufferHolds() throws Exception {
        DatadogConfig cfg = config("trace_buffer: 8", "sending_queue: {enabled: false}");
        ExporterFactory.Exporter e = new DatadogExporterFactory().create(settings(), cfg, Signal.TRACES);
        e.start(DatadogExporterTest.host());
        for (long n = 1; n <= 5; n++) {
            e.consume(trace(n));
        }
        e.shutdown();
        assertThat(spansReceived()).isEqualTo(5);
    }

    private long statsHits(String name) {
        return intake.stats.stream().flatMap(p -> p.getStatsList().stream()).flatMap(c -> c.getStatsList().stream())
                .flatMap(b -> b.getStatsList().stream()).filter(g -> g.getName().equals(name)).mapToLong(ClientGroupedStats::getHits).sum();
    }

    @Test
    void withTheGateOffTheExporterComputesStatsWhenNoConnectorDid() throws Exception {
        DatadogConfig cfg = config("compute_stats_by_span_kind: true", "sending_queue: {enabled: false}");
        ExporterFactory.Exporter e = new DatadogExporterFactory().create(settings("-" + Senders.NO_APM_STATS_GATE), cfg, Signal.TRACES);
        e.start(DatadogExporterTest.host());
        e.consume(DatadogExporterTest.traces());
        for (long n = 1; n <= 3; n++) {
            e.consume(trace(n));
        }
        e.shutdown(); // flushes the open buckets
        assertThat(intake.traces).isNotEmpty();
        assertThat(statsHits("http.server.request")).isEqualTo(4);
        ClientGroupedStats db = intake.stats.stream().flatMap(p -> p.getStatsList().stream()).flatMap(c -> c.getStatsList().stream())
                .flatMap(b -> b.getStatsList().stream()).filter(g -> g.getName().equals("postgresql.query")).findFirst().orElseThrow();
        assertThat(db.getSpanKind()).isEqualTo("client"); // compute_stats_by_span_kind: a non-top-level client span counts
        assertThat(intake.stats.get(0).getClientComputed()).isFalse();
        assertThat(intake.requests("/api/v0.2/stats").get(0).header("Content-Type")).isEqualTo("application/msgpack");
    }

    @Test
    void byDefaultTheExporterComputesNoStats() throws Exception {
        DatadogConfig cfg = config("compute_stats_by_span_kind: true", "sending_queue: {enabled: false}");
        ExporterFactory.Exporter e = new DatadogExporterFactory().create(settings(), cfg, Signal.TRACES);
        e.start(DatadogExporterTest.host());
        e.consume(DatadogExporterTest.traces());
        e.shutdown();
        assertThat(intake.traces).hasSize(1);
        assertThat(intake.stats).isEmpty();
    }

    @Test
    void behindTheConnectorTheExporterDoesNotCountTheSpansAgain() throws Exception {
        DatadogConfig cfg = config("compute_stats_by_span_kind: true", "sending_queue: {enabled: false}");
        DatadogExporterFactory ef = new DatadogExporterFactory();
        CreateSettings gateOff = settings("-" + Senders.NO_APM_STATS_GATE);
        ExporterFactory.Exporter tracesOut = ef.create(gateOff, cfg, Signal.TRACES);
        ExporterFactory.Exporter metricsOut = ef.create(gateOff, cfg, Signal.METRICS);
        DatadogConnectorFactory cf = new DatadogConnectorFactory();
        CreateSettings cs = TestComponents.settings(Kind.CONNECTOR, "datadog/connector");
        ConnectorFactory.Connector toTraces = cf.create(cs, cf.defaultConfig(), Signal.TRACES, Signal.TRACES,
                Map.of(PipelineId.parse("traces/out"), tracesOut));
        ConnectorFactory.Connector toStats = cf.create(cs, cf.defaultConfig(), Signal.TRACES, Signal.METRICS,
                Map.of(PipelineId.parse("metrics"), metricsOut));
        for (var c : List.of(tracesOut, metricsOut, toTraces, toStats)) {
            c.start(DatadogExporterTest.host());
        }
        // the seed's shape: one traces pipeline feeding both halves of the connector
        Consumer in = Fanout.of(List.of(toTraces, toStats));
        in.consume(DatadogExporterTest.traces());
        for (long n = 1; n <= 3; n++) {
            in.consume(trace(n));
        }
        toTraces.shutdown();
        toStats.shutdown(); // the connector's buckets go out through the metrics exporter
        tracesOut.shutdown();
        metricsOut.shutdown();
        assertThat(spansReceived()).isEqualTo(5);
        assertThat(statsHits("http.server.request")).as("counted once, by the connector").isEqualTo(4);
        assertThat(intake.traces.get(0).getTracerPayloads(0).getChunks(0).getSpans(0).getMetaMap()).containsEntry("_dd.stats_computed", "true");
    }
}
