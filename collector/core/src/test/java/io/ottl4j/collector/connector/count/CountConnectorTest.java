package io.ottl4j.collector.connector.count;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.testing.Payloads;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The count connector in a pipeline graph: testsource -(traces|logs|metrics)-> count -> metrics -> testsink. */
class CountConnectorTest {
    private static Harness start(String count) throws Exception {
        return Harness.start("""
                receivers: {testsource: {}}
                exporters: {testsink: {}}
                connectors:
                  count:
                %s
                service:
                  pipelines:
                    traces: {receivers: [testsource], exporters: [count]}
                    logs: {receivers: [testsource], exporters: [count]}
                    metrics/in: {receivers: [testsource], exporters: [count]}
                    metrics/out: {receivers: [count], exporters: [testsink]}
                """.formatted(count.indent(4)));
    }

    /** metric name → (attributes as text → value), over every delivery. */
    private static Map<String, Map<String, Long>> points(Harness h) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (TelemetryBatch<?> b : h.batches("testsink")) {
            for (var rg : b.resources()) {
                for (var sg : rg.scopes()) {
                    assertThat(sg.scope().name()).isEqualTo(Counter.SCOPE);
                    for (Object o : sg.items()) {
                        Metric m = (Metric) o;
                        assertThat(m.type()).isEqualTo(MetricType.SUM);
                        assertThat(m.isMonotonic()).isTrue();
                        assertThat(m.aggregationTemporality()).isEqualTo(Metric.TEMPORALITY_DELTA);
                        for (DataPoint p : m.dataPoints()) {
                            StringBuilder attrs = new StringBuilder();
                            p.attributes().forEach((k, v) -> attrs.append(k).append('=').append(v).append(' '));
                            out.computeIfAbsent(m.name(), k -> new LinkedHashMap<>()).merge(attrs.toString().trim(), ((NumberDataPoint) p).intValue(), Long::sum);
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void defaultMetricsForEverySignal() throws Exception {
        try (Harness h = start("{}")) {
            TelemetryBatch<Span> t = Payloads.traces("svc", List.of(), "a", "b");
            SpanEvent e = new SpanEvent();
            e.setName("ev");
            ((Span) t.resources().get(0).scopes().get(0).items().get(0)).events().add(e);
            h.send("testsource", t);
            h.send("testsource", Payloads.logs("svc", "info", "warn", "error"));
            h.send("testsource", Payloads.gauges(3, "m1", "m2"));
            Map<String, Map<String, Long>> p = points(h);
            assertThat(p).containsEntry("trace.span.count", Map.of("", 2L)).containsEntry("trace.span.event.count", Map.of("", 1L))
                    .containsEntry("log.record.count", Map.of("", 3L)).containsEntry("metric.count", Map.of("", 2L))
                    .containsEntry("metric.datapoint.count", Map.of("", 6L));
            // the counts keep the input resource
            assertThat(h.batches("testsink").get(0).resources().get(0).resource().attributes().get("service.name")).isEqualTo("svc");
        }
    }

    @Test
    void customMetricsWithConditionsAndAttributesReplaceTheDefault() throws Exception {
        try (Harness h = start("""
                logs:
                  log.bad.count:
                    description: errors and warnings
                    conditions:
                      - attributes["level"] == "error"
                      - attributes["level"] == "warn"
                  log.by.level:
                    attributes:
                      - key: level
                      - key: missing
                        default_value: none
                  log.by.absent:
                    attributes:
                      - key: absent
                """)) {
            h.send("testsource", Payloads.logs("svc", "info", "warn", "error", "error"));
            Map<String, Map<String, Long>> p = points(h);
            assertThat(p).doesNotContainKey("log.record.count").doesNotContainKey("log.by.absent");
            assertThat(p.get("log.bad.count")).isEqualTo(Map.of("", 3L));
            assertThat(p.get("log.by.level")).isEqualTo(Map.of("level=info missing=none", 1L, "level=warn missing=none", 1L,
                    "level=error missing=none", 2L));
            Metric m = (Metric) h.batches("testsink").get(0).resources().get(0).scopes().get(0).items().stream()
                    .filter(o -> ((Metric) o).name().equals("log.bad.count")).findFirst().orElseThrow();
            assertThat(m.description()).isEqualTo("errors and warnings");
        }
    }

    @Test
    void configErrors() throws Exception {
        String base = """
                receivers: {testsource: {}}
                exporters: {testsink: {}}
                service:
                  pipelines:
                    logs: {receivers: [testsource], exporters: [count]}
                    metrics: {receivers: [count], exporters: [testsink]}
                connectors:
                  count:
                """;
        assertThat(Harness.problems(base + "    logs: {x: {conditions: ['attributes[\"a\"] =']}}\n")).contains("OTTL-");
        assertThat(Harness.problems(base + "    logs: {x: {attributes: [{default_value: 1}]}}\n")).contains("attribute key missing");
        assertThat(Harness.problems(base + "    metrics: {x: {attributes: [{key: a}]}}\n")).contains("metrics attributes not supported");
        assertThat(Harness.problems(base + "    logs: {x: {bogus: 1}}\n")).contains("bogus");
        assertThat(Harness.problems(base + "    logs: {x: {conditions: ['attributes[\"a\"] == 1']}}\n")).isEmpty();
    }
}
