package io.ottl4j.collector.connector.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.testing.Payloads;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The routing connector inside a real pipeline graph: testsource -> routing -> pipelines -> testsink. */
class RoutingConnectorTest {
    private static final String PIPELINES = """
            service:
              pipelines:
                %1$s/in: {receivers: [testsource], exporters: [routing]}
                %1$s/a: {receivers: [routing], exporters: [testsink/a]}
                %1$s/b: {receivers: [routing], exporters: [testsink/b]}
                %1$s/other: {receivers: [routing], exporters: [testsink/other]}
            receivers: {testsource: {}}
            exporters: {testsink/a: {}, testsink/b: {}, testsink/other: {}}
            """;

    private static Harness start(String signal, String routing) throws Exception {
        return Harness.start(PIPELINES.formatted(signal) + "connectors:\n  routing:\n" + routing.indent(4));
    }

    @Test
    void resourceRoutesGoToTheFirstMatchOnlyAndTheRestToDefault() throws Exception {
        try (Harness h = start("traces", """
                default_pipelines: [traces/other]
                table:
                  - condition: attributes["tenant"] == "acme"
                    pipelines: [traces/a]
                  - statement: route() where attributes["env"] == "prod"
                    pipelines: [traces/b]
                """)) {
            TelemetryBatch<Span> b = Payloads.traces("s1", List.of("tenant", "acme", "env", "prod"), "acme-prod");
            Payloads.addSpans(b, "s2", List.of("env", "prod"), "prod");
            Payloads.addSpans(b, "s3", List.of("env", "dev"), "dev");
            h.send("testsource", b);
            assertThat(Payloads.names(h.batches("testsink/a"))).containsExactly("acme-prod");
            assertThat(Payloads.names(h.batches("testsink/b"))).containsExactly("prod");
            assertThat(Payloads.names(h.batches("testsink/other"))).containsExactly("dev");
        }
    }

    @Test
    void spanContextSplitsAResourceKeepingResourceAndScope() throws Exception {
        try (Harness h = start("traces", """
                table:
                  - context: span
                    condition: name == "x"
                    pipelines: [traces/a]
                """)) {
            h.send("testsource", Payloads.traces("svc", List.of(), "x", "y", "x"));
            List<TelemetryBatch<?>> a = h.batches("testsink/a");
            assertThat(Payloads.names(a)).containsExactly("x", "x");
            assertThat(a.get(0).resources()).hasSize(1);
            assertThat(a.get(0).resources().get(0).resource().attributes().get("service.name")).isEqualTo("svc");
            assertThat(a.get(0).resources().get(0).scopes().get(0).scope().name()).isEqualTo("test");
            // no default pipelines: the unmatched span is dropped
            assertThat(h.batches("testsink/other")).isEmpty();
            assertThat(h.batches("testsink/b")).isEmpty();
        }
    }

    @Test
    void logContextAndRequestContext() throws Exception {
        try (Harness h = start("logs", """
                default_pipelines: [logs/other]
                table:
                  - context: log
                    condition: attributes["level"] == "debug"
                    pipelines: [logs/a]
                  - context: request
                    condition: request["X-Tenant"] == "acme"
                    pipelines: [logs/b]
                """)) {
            ClientInfo acme = new ClientInfo("127.0.0.1", Map.of("x-tenant", List.of("acme")));
            h.send("testsource", Payloads.logs("svc", "debug", "error", "info"), acme);
            h.send("testsource", Payloads.logs("svc", "warn"), ClientInfo.EMPTY);
            assertThat(Payloads.names(h.batches("testsink/a"))).containsExactly("debug");
            assertThat(Payloads.names(h.batches("testsink/b"))).containsExactly("error", "info");
            assertThat(Payloads.names(h.batches("testsink/other"))).containsExactly("warn");
        }
    }

    @Test
    void datapointContextMovesPointsIntoACopyOfTheirMetric() throws Exception {
        try (Harness h = start("metrics", """
                default_pipelines: [metrics/other]
                table:
                  - context: datapoint
                    condition: attributes["i"] == 1
                    pipelines: [metrics/a]
                  - context: metric
                    condition: name == "m2"
                    pipelines: [metrics/b]
                """)) {
            h.send("testsource", Payloads.gauges(3, "m1", "m2"));
            List<TelemetryBatch<?>> a = h.batches("testsink/a");
            assertThat(Payloads.names(a)).containsExactly("m1", "m2");
            for (Object m : a.get(0).resources().get(0).scopes().get(0).items()) {
                assertThat(((Metric) m).dataPoints()).singleElement().satisfies(p -> assertThat(p.attributes().get("i")).isEqualTo(1L));
            }
            List<TelemetryBatch<?>> b = h.batches("testsink/b");
            assertThat(Payloads.names(b)).containsExactly("m2");
            assertThat(((Metric) b.get(0).resources().get(0).scopes().get(0).items().get(0)).dataPoints()).hasSize(2);
            List<TelemetryBatch<?>> other = h.batches("testsink/other");
            assertThat(Payloads.names(other)).containsExactly("m1");
            assertThat(((Metric) other.get(0).resources().get(0).scopes().get(0).items().get(0)).dataPoints()).hasSize(2);
        }
    }

    @Test
    void errorModePropagateFailsAndIgnoreRoutesToDefault() throws Exception {
        String table = """
                default_pipelines: [traces/other]
                error_mode: %s
                table:
                  - context: span
                    condition: ParseJSON(name)["k"] == 1
                    pipelines: [traces/a]
                """;
        try (Harness h = start("traces", table.formatted("propagate"))) {
            org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> h.send("testsource", Payloads.traces("s", List.of(), "{\"k\":1}", "abc")));
            assertThat(h.batches("testsink/a")).isEmpty();
        }
        try (Harness h = start("traces", table.formatted("ignore"))) {
            h.send("testsource", Payloads.traces("s", List.of(), "{\"k\":1}", "abc", "{\"k\":2}"));
            assertThat(Payloads.names(h.batches("testsink/a"))).containsExactly("{\"k\":1}");
            assertThat(Payloads.names(h.batches("testsink/other"))).containsExactlyInAnyOrder("abc", "{\"k\":2}");
        }
    }

    @Test
    void configErrors() throws Exception {
        String base = PIPELINES.formatted("traces") + "connectors:\n  routing:\n";
        assertThat(Harness.problems(base + "    table: []\n")).contains("the routing table is empty");
        assertThat(Harness.problems(base + "    table: [{pipelines: [traces/a]}]\n")).contains("no condition or statement provided");
        assertThat(Harness.problems(base + "    table: [{condition: 'true', statement: 'route()', pipelines: [traces/a]}]\n"))
                .contains("both condition and statement provided");
        assertThat(Harness.problems(base + "    table: [{condition: 'true'}]\n")).contains("no pipelines defined");
        assertThat(Harness.problems(base + "    table: [{context: bogus, condition: 'true', pipelines: [traces/a]}]\n")).contains("invalid context: bogus");
        assertThat(Harness.problems(base + "    table: [{context: request, condition: 'request[\"a\"] > \"b\"', pipelines: [traces/a]}]\n"))
                .contains("does not contain a valid comparator");
        assertThat(Harness.problems(base + "    table: [{statement: 'set(name, \"x\")', pipelines: [traces/a]}]\n")).contains("route()");
        assertThat(Harness.problems(base + "    table: [{condition: 'attributes[\"a\"] ==', pipelines: [traces/a]}]\n")).contains("OTTL-");
        assertThat(Harness.problems(base + "    match_once: true\n    table: [{condition: 'true', pipelines: [traces/a]}]\n"))
                .contains("match_once was removed");
        assertThat(Harness.problems(base + "    table: [{condition: 'true', pipelines: [traces/a]}]\n")).isEmpty();
    }

    @Test
    void routeToAPipelineThatDoesNotReadFromTheConnectorFailsAtBuild() {
        String yaml = PIPELINES.formatted("traces") + """
                connectors:
                  routing:
                    table: [{condition: 'true', pipelines: [traces/missing]}]
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Harness.start(yaml).close()).hasMessageContaining("traces/missing");
    }
}
