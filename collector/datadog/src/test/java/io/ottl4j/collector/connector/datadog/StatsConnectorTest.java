package io.ottl4j.collector.connector.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.connector.datadog.DatadogConnectorFactory.Config;
import io.ottl4j.collector.datadog.pb.trace.ClientGroupedStats;
import io.ottl4j.collector.datadog.pb.trace.ClientStatsBucket;
import io.ottl4j.collector.datadog.pb.trace.ClientStatsPayload;
import io.ottl4j.collector.datadog.pb.trace.StatsPayload;
import io.ottl4j.collector.datadog.pb.trace.Trilean;
import io.ottl4j.collector.datadog.stats.StatsMetric;
import io.ottl4j.collector.datadog.testing.Sketches;
import io.ottl4j.collector.testing.Sink;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.Status;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Stats on hand-built traces. The expected aggregates are computed here from the input spans with the
 * rules written out plainly (top-level = root, parent elsewhere or another service; eligible = top-level or
 * an entry/exit span kind), not with the connector's own classes.
 */
class StatsConnectorTest {
    private static final long T0 = 1_700_000_000_000_000_000L; // ns, a multiple of 10 s
    private static final String[] SERVICES = {"web", "sidekiq"};
    private static final int[] KINDS = {Span.KIND_SERVER, Span.KIND_CLIENT, Span.KIND_INTERNAL, Span.KIND_PRODUCER, Span.KIND_CONSUMER};

    record Expected(long hits, long errors, long duration, long topLevel) {
        Expected plus(Expected o) {
            return new Expected(hits + o.hits, errors + o.errors, duration + o.duration, topLevel + o.topLevel);
        }
    }

    record In(String service, long traceId, long spanId, long parentId, int kind, long start, long duration, boolean error, String resource) {
    }

    @Test
    void aggregatesMatchAnIndependentCount() throws Exception {
        Random r = new Random(42);
        List<In> spans = new ArrayList<>();
        long spanIds = 1;
        for (int t = 1; t <= 60; t++) {
            long rootId = spanIds++;
            String rootService = SERVICES[r.nextInt(2)];
            long start = T0 + r.nextInt(25) * 1_000_000_000L;
            spans.add(new In(rootService, t, rootId, 0, Span.KIND_SERVER, start, 1_000_000L + r.nextInt(50_000_000), r.nextInt(10) == 0,
                    "GET /r" + r.nextInt(3)));
            int children = r.nextInt(4);
            for (int c = 0; c < children; c++) {
                String svc = SERVICES[r.nextInt(2)];
                spans.add(new In(svc, t, spanIds++, rootId, KINDS[r.nextInt(KINDS.length)], start + 1000, 10_000L + r.nextInt(5_000_000),
                        r.nextInt(5) == 0, "child" + r.nextInt(2)));
            }
        }
        Map<String, Expected> expected = expected(spans);

        Sink sink = new Sink();
        AtomicLong clock = new AtomicLong(T0 / 1_000_000L);
        Config cfg = new DatadogConnectorFactory().defaultConfig();
        StatsConnector c = new StatsConnector(TestComponents.settings(Kind.CONNECTOR, "datadog/connector"), cfg.traces(), sink, clock::get);
        c.consume(batch(spans));
        c.flush(true);

        Map<String, Expected> actual = new HashMap<>();
        long total = 0;
        for (TelemetryBatch<?> b : sink.batches()) {
            Metric m = (Metric) b.resources().get(0).scopes().get(0).items().get(0);
            assertThat(m.name()).isEqualTo("dd.internal.stats.payload");
            assertThat(m.type()).isEqualTo(MetricType.SUM);
            StatsPayload p = StatsMetric.fromMetric(m).get(0);
            for (ClientStatsPayload cp : p.getStatsList()) {
                for (ClientStatsBucket bucket : cp.getStatsList()) {
                    assertThat(bucket.getDuration()).isEqualTo(10_000_000_000L);
                    assertThat(bucket.getStart() % 10_000_000_000L).isZero();
                    for (ClientGroupedStats g : bucket.getStatsList()) {
                        String key = g.getService() + "|" + g.getResource() + "|" + g.getSpanKind() + "|" + (g.getIsTraceRoot() == Trilean.TRUE);
                        actual.merge(key, new Expected(g.getHits(), g.getErrors(), g.getDuration(), g.getTopLevelHits()), Expected::plus);
                        assertThat(Sketches.count(g.getOkSummary()) + Sketches.count(g.getErrorSummary())).isEqualTo((double) g.getHits());
                        assertThat(Sketches.count(g.getErrorSummary())).isEqualTo((double) g.getErrors());
                        total += g.getHits();
                    }
                }
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(total).isGreaterThan(60);
    }

    @Test
    void bucketsFlushOnlyWhenComplete() throws Exception {
        Sink sink = new Sink();
        AtomicLong clock = new AtomicLong(T0 / 1_000_000L);
        StatsConnector c = new StatsConnector(TestComponents.settings(Kind.CONNECTOR, "datadog"), new DatadogConnectorFactory().defaultConfig().traces(),
                sink, clock::get);
        c.consume(batch(List.of(new In("web", 1, 1, 0, Span.KIND_SERVER, T0 + 1_000_000_000L, 5_000_000, false, "GET /"))));
        c.flush(false);
        assertThat(sink.batches()).isEmpty(); // the bucket [T0, T0+10s) is still open
        clock.addAndGet(30_000); // 30 s later: two bucket lengths have passed
        c.flush(false);
        assertThat(sink.batches()).hasSize(1);
    }

    @Test
    void resourcesWhoseStatsWereComputedAreSkipped() throws Exception {
        Sink sink = new Sink();
        StatsConnector c = new StatsConnector(TestComponents.settings(Kind.CONNECTOR, "datadog"), new DatadogConnectorFactory().defaultConfig().traces(),
                sink, () -> T0 / 1_000_000L);
        In web = new In("web", 1, 1, 0, Span.KIND_SERVER, T0 + 1_000_000_000L, 5_000_000, false, "GET /");
        TelemetryBatch<Span> marked = batch(List.of(web));
        marked.resources().get(0).resource().attributes().putBool("_dd.stats_computed", true); // the connector's own mark
        TelemetryBatch<Span> sdk = batch(List.of(web));
        sdk.resources().get(0).resource().attributes().putString("_dd.stats_computed", "true"); // a Datadog SDK's mark
        TelemetryBatch<Span> onSpan = batch(List.of(web));
        onSpan.resources().get(0).scopes().get(0).items().get(0).attributes().putString("_dd.stats_computed", "true");
        TelemetryBatch<Span> notMarked = batch(List.of(web));
        notMarked.resources().get(0).resource().attributes().putString("_dd.stats_computed", "false");
        for (TelemetryBatch<Span> b : List.of(marked, sdk, onSpan, notMarked, batch(List.of(web)))) {
            c.consume(b);
        }
        c.flush(true);
        long hits = 0;
        for (TelemetryBatch<?> b : sink.batches()) {
            for (StatsPayload p : StatsMetric.fromMetric((Metric) b.resources().get(0).scopes().get(0).items().get(0))) {
                for (var csp : p.getStatsList()) {
                    for (var bucket : csp.getStatsList()) {
                        for (var g : bucket.getStatsList()) {
                            hits += g.getHits();
                        }
                    }
                }
            }
        }
        assertThat(hits).as("only the unmarked and the 'false' batches count").isEqualTo(2);
    }

    @Test
    void peerTagsOnClientSpansAndIgnoredResources() throws Exception {
        Sink sink = new Sink();
        Config cfg = TestComponents.decode(new DatadogConnectorFactory(), """
                traces:
                  peer_tags: [custom.peer]
                  resource_attributes_as_container_tags: [service.name, absent]
                  ignore_resources: ["^GET /health"]
                """);
        StatsConnector c = new StatsConnector(TestComponents.settings(Kind.CONNECTOR, "datadog"), cfg.traces(), sink, () -> T0 / 1_000_000L);
        TelemetryBatch<Span> b = batch(List.of(new In("web", 1, 1, 0, Span.KIND_SERVER, T0, 5, false, "GET /health"),
                new In("web", 2, 2, 0, Span.KIND_SERVER, T0, 5, false, "GET /")));
        Span client = new Span();
        client.setName("SELECT");
        client.setKind(Span.KIND_CLIENT);
        client.setTraceId(TraceId.of(0, 2));
        client.setSpanId(SpanId.of(3));
        client.setParentSpanId(SpanId.of(2));
        client.setStartTimeUnixNano(T0);
        client.setEndTimeUnixNano(T0 + 5);
        client.attributes().putString("db.system", "postgresql");
        client.attributes().putString("custom.peer", "p1");
        client.attributes().putString("server.address", "db-1");
        b.resources().get(0).scopes().get(0).items().add(client);
        c.consume(b);
        c.flush(true);
        StatsPayload p = StatsMetric.fromMetric((Metric) sink.only().resources().get(0).scopes().get(0).items().get(0)).get(0);
        assertThat(p.getStats(0).getTagsList()).containsExactly("service.name:web");
        List<ClientGroupedStats> groups = p.getStats(0).getStats(0).getStatsList();
        assertThat(groups).extracting(ClientGroupedStats::getResource).containsExactlyInAnyOrder("GET /", "SELECT");
        ClientGroupedStats db = groups.stream().filter(g -> g.getResource().equals("SELECT")).findFirst().orElseThrow();
        assertThat(db.getPeerTagsList()).containsExactly("custom.peer:p1", "db.system:postgresql", "server.address:db-1");
        assertThat(db.getName()).isEqualTo("postgresql.query");
        assertThat(db.getType()).isEqualTo("sql");
        assertThat(db.getSpanKind()).isEqualTo("client");
        assertThat(db.getTopLevelHits()).isZero();
    }

    @Test
    void connectorConfigErrors() {
        assertThat(TestComponents.problems(new DatadogConnectorFactory(), "traces: {bucket_interval: 0s, ignore_resources: ['(']}"))
                .anyMatch(s -> s.contains("bucket_interval must be positive"))
                .anyMatch(s -> s.contains("is not valid resource filter regular expression"));
    }

    /** The rules, written out independently of the connector. */
    private static Map<String, Expected> expected(List<In> spans) {
        Map<Long, In> byId = new HashMap<>();
        spans.forEach(s -> byId.put(s.spanId(), s));
        Map<String, Expected> out = new HashMap<>();
        for (In s : spans) {
            In parent = byId.get(s.parentId());
            boolean topLevel = s.parentId() == 0 || parent == null || !parent.service().equals(s.service());
            boolean entryOrExit = s.kind() != Span.KIND_INTERNAL;
            if (!topLevel && !entryOrExit) {
                continue;
            }
            String kind = switch (s.kind()) {
                case Span.KIND_SERVER -> "server";
                case Span.KIND_CLIENT -> "client";
                case Span.KIND_PRODUCER -> "producer";
                case Span.KIND_CONSUMER -> "consumer";
                default -> "internal";
            };
            String key = s.service() + "|" + s.resource() + "|" + kind + "|" + (s.parentId() == 0);
            out.merge(key, new Expected(1, s.error() ? 1 : 0, s.duration(), topLevel ? 1 : 0), Expected::plus);
        }
        return out;
    }

    static TelemetryBatch<Span> batch(List<In> spans) {
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        Map<String, ScopeGroup<Span>> scopes = new HashMap<>();
        for (In s : spans) {
            ScopeGroup<Span> sg = scopes.computeIfAbsent(s.service(), svc -> {
                ResourceGroup<Span> rg = b.addResource();
                rg.resource().attributes().putString("service.name", svc);
                return rg.addScope();
            });
            Span sp = new Span();
            sp.setName(s.resource());
            sp.setKind(s.kind());
            sp.setTraceId(TraceId.of(0, s.traceId()));
            sp.setSpanId(SpanId.of(s.spanId()));
            sp.setParentSpanId(s.parentId() == 0 ? SpanId.EMPTY : SpanId.of(s.parentId()));
            sp.setStartTimeUnixNano(s.start());
            sp.setEndTimeUnixNano(s.start() + s.duration());
            if (s.error()) {
                sp.status().setCode(Status.CODE_ERROR);
            }
            sp.attributes().putString("resource.name", s.resource());
            sg.items().add(sp);
        }
        return b;
    }
}
