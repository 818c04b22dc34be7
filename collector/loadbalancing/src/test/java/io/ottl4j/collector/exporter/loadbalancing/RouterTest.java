package io.ottl4j.collector.exporter.loadbalancing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final HashRing RING = HashRing.of(List.of("a:4317", "b:4317", "c:4317"));

    private static TelemetryBatch<Span> traces(int traces, int spansPerTrace, String... services) {
        TelemetryBatch<Span> batch = TelemetryBatch.traces();
        for (String service : services) {
            ResourceGroup<Span> rg = batch.addResource();
            rg.resource().attributes().putString("service.name", service);
            ScopeGroup<Span> sg = rg.addScope();
            sg.scope().setName("lib");
            for (int t = 0; t < traces; t++) {
                for (int s = 0; s < spansPerTrace; s++) {
                    Span span = new Span();
                    span.setTraceId(TraceId.of(service.hashCode(), t * 7919L + 1));
                    span.setName(service + "-" + t + "-" + s);
                    sg.items().add(span);
                }
            }
        }
        return batch;
    }

    @Test
    void everySpanOfATraceGoesToTheBackendOfItsTraceId() {
        TelemetryBatch<Span> batch = traces(50, 4, "api", "web");
        Map<String, TelemetryBatch<?>> parts = new Router(RoutingKey.TRACE_ID, List.of()).split(batch, RING);
        Map<TraceId, Set<String>> seen = new HashMap<>();
        int spans = 0;
        for (Map.Entry<String, TelemetryBatch<?>> e : parts.entrySet()) {
            for (ResourceGroup<Span> rg : e.getValue().asTraces().resources()) {
                assertThat(rg.resource().attributes().get("service.name")).isIn("api", "web"); // resource kept
                for (ScopeGroup<Span> sg : rg.scopes()) {
                    assertThat(sg.scope().name()).isEqualTo("lib");
                    for (Span s : sg.items()) {
                        spans++;
                        seen.computeIfAbsent(s.traceId(), k -> new HashSet<>()).add(e.getKey());
                        assertThat(e.getKey()).isEqualTo(RING.endpointFor(s.traceId().bytes()));
                    }
                }
            }
        }
        assertThat(spans).isEqualTo(400);
        assertThat(seen).hasSize(100).allSatisfy((id, endpoints) -> assertThat(endpoints).hasSize(1));
        assertThat(parts).hasSizeGreaterThan(1);
    }

    @Test
    void serviceRoutingKeepsAServiceTogether() {
        TelemetryBatch<Span> batch = traces(20, 2, "api", "web", "db");
        Map<String, TelemetryBatch<?>> parts = new Router(RoutingKey.SERVICE, List.of()).split(batch, RING);
        for (Map.Entry<String, TelemetryBatch<?>> e : parts.entrySet()) {
            for (ResourceGroup<Span> rg : e.getValue().asTraces().resources()) {
                String service = (String) rg.resource().attributes().get("service.name");
                assertThat(e.getKey()).isEqualTo(RING.endpointFor(service.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                assertThat(rg.itemCount()).isEqualTo(40);
            }
        }
    }

    @Test
    void attributesRoutingFallsBackToTheTraceIdWhenNoneIsPresent() {
        TelemetryBatch<Span> batch = traces(10, 1, "api");
        Span tagged = batch.resources().get(0).scopes().get(0).items().get(0);
        tagged.attributes().putString("tenant", "acme");
        Router router = new Router(RoutingKey.ATTRIBUTES, List.of("tenant"));
        ResourceGroup<Span> rg = batch.resources().get(0);
        ScopeGroup<Span> sg = rg.scopes().get(0);
        assertThat(router.keyOf(rg, sg, tagged)).isEqualTo("acme".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Span untagged = sg.items().get(1);
        assertThat(router.keyOf(rg, sg, untagged)).isEqualTo(untagged.traceId().bytes());
    }

    @Test
    void streamIdSplitsDataPointsOfOneMetricAcrossBackends() {
        TelemetryBatch<Metric> batch = TelemetryBatch.metrics();
        ResourceGroup<Metric> rg = batch.addResource();
        rg.resource().attributes().putString("service.name", "api");
        Metric m = new Metric();
        m.setName("requests");
        m.setType(MetricType.SUM);
        for (int i = 0; i < 60; i++) {
            m.addNumberDataPoint().attributes().putString("route", "/r" + i);
        }
        rg.addScope().items().add(m);
        Map<String, TelemetryBatch<?>> parts = new Router(RoutingKey.STREAM_ID, List.of()).split(batch, RING);
        assertThat(parts).hasSize(3);
        int points = parts.values().stream().mapToInt(TelemetryBatch::dataPointCount).sum();
        assertThat(points).isEqualTo(60);
        // the same stream goes to the same backend every time
        Map<String, TelemetryBatch<?>> again = new Router(RoutingKey.STREAM_ID, List.of()).split(batch, RING);
        assertThat(again.keySet()).isEqualTo(parts.keySet());
    }
}
