package io.ottl4j.collector.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.collector.Builtins;
import io.ottl4j.collector.config.CollectorConfig;
import io.ottl4j.collector.config.ConfigException;
import io.ottl4j.collector.config.YamlReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code service.telemetry} decoding as upstream's v0.3.0 schema, and the upstream-only extensions. */
class TelemetryConfigTest {
    private static final String BASE = """
            receivers: {otlp: {protocols: {http: {endpoint: "127.0.0.1:0"}}}}
            exporters: {debug: {}}
            """;

    private static CollectorConfig.Telemetry telemetry(String service) throws ConfigException {
        return CollectorConfig.from((io.ottl4j.collector.config.ConfigNode.MapNode) YamlReader.read(BASE + service + "\n", "t.yaml"), Builtins.components(), Set.of()).service().telemetry();
    }

    private static String problems(String yaml) {
        try {
            CollectorConfig.from((io.ottl4j.collector.config.ConfigNode.MapNode) YamlReader.read(yaml, "t.yaml"), Builtins.components(), Set.of());
            return "";
        } catch (ConfigException e) {
            return e.getMessage();
        }
    }

    private static final String PIPES = "  pipelines: {traces: {receivers: [otlp], exporters: [debug]}}\n";

    @Test
    void defaultsAreUpstreams() throws Exception {
        CollectorConfig.Telemetry t = telemetry("service:\n" + PIPES);
        assertThat(t.metricsLevel()).isEqualTo(MetricsLevel.NORMAL);
        assertThat(t.readers()).containsExactly(new PrometheusReader("localhost", 8888, true, true, true));
        assertThat(t.logLevel()).isEqualTo("info");
        assertThat(t.logEncoding()).isEqualTo("console");
    }

    @Test
    void readersLevelsAndLogs() throws Exception {
        CollectorConfig.Telemetry t = telemetry("""
                service:
                  telemetry:
                    logs: {level: debug, encoding: json}
                    resource: {service.name: my-collector, service.version: null}
                    metrics:
                      level: detailed
                      readers:
                        - pull: {exporter: {prometheus: {host: 0.0.0.0, port: 9999, without_units: false}}}
                        - periodic: {exporter: {otlp: {protocol: http/protobuf, endpoint: "http://x:4318"}}}
                """ + PIPES);
        assertThat(t.metricsLevel()).isEqualTo(MetricsLevel.DETAILED);
        assertThat(t.readers()).containsExactly(new PrometheusReader("0.0.0.0", 9999, true, false, true));
        assertThat(t.periodic()).singleElement().satisfies(r -> assertThat(r.url()).isEqualTo("http://x:4318/v1/metrics"));
        assertThat(t.logLevel()).isEqualTo("debug");
        assertThat(t.logEncoding()).isEqualTo("json");
        assertThat(t.resource()).containsEntry("service.name", "my-collector").containsEntry("service.version", null);
        assertThat(telemetry("service:\n  telemetry: {metrics: {level: none}}\n" + PIPES).readers()).isEmpty();
        assertThat(telemetry("service:\n  telemetry: {metrics: {address: \":8889\"}}\n" + PIPES).readers())
                .containsExactly(PrometheusReader.of("0.0.0.0", 8889));
    }

    @Test
    void periodicReadersAloneAndTheListFormOfTheResource() throws Exception {
        CollectorConfig.Telemetry t = telemetry("""
                service:
                  telemetry:
                    resource:
                      attributes:
                        - {name: service.name, value: gateway}
                        - {name: service.version, value: null}
                    metrics:
                      readers:
                        - periodic: {interval: 10000, exporter: {otlp: {protocol: grpc, endpoint: "http://127.0.0.1:4317"}}}
                """ + PIPES);
        assertThat(t.readers()).isEmpty();
        assertThat(t.periodic()).singleElement().satisfies(r -> {
            assertThat(r.protocol()).isEqualTo("grpc");
            assertThat(r.interval()).isEqualTo(java.time.Duration.ofSeconds(10));
        });
        assertThat(t.resource()).containsEntry("service.name", "gateway").containsEntry("service.version", null);
    }

    @Test
    void invalidValuesAreReportedWithTheirPaths() {
        String p = problems(BASE + """
                service:
                  telemetry:
                    logs: {level: loud, encoding: xml}
                    metrics: {level: verbose, views: [{selector: {instrument_name: x}}]}
                """ + PIPES);
        assertThat(p).contains("service::telemetry::logs::level").contains("unrecognized level: \"loud\"")
                .contains("service::telemetry::logs::encoding").contains("unknown metrics level \"verbose\"")
                .contains("views can only be set when service::telemetry::metrics::level is detailed");
        assertThat(problems(BASE + "service:\n  telemetry: {metrics: {level: basic, readers: []}}\n" + PIPES))
                .contains("collector telemetry metrics reader should exist when metric level is not none");
        assertThat(problems(BASE + "service:\n  telemetry: {metrics: {readers: [{pull: {exporter: {prometheus: {port: 1, colour: red}}}}]}}\n" + PIPES))
                .contains("colour");
    }

    @Test
    void upstreamTypesThisDistributionDoesNotBuildAreNamedInOneWording() {
        String p = problems(BASE + """
                extensions:
                  opamp: {server: {ws: {endpoint: "wss://example"}}}
                  k8s_observer: {}
                processors:
                  metrics_transform: {}
                service:
                  extensions: [opamp, k8s_observer]
                """ + PIPES);
        assertThat(p).contains("the opamp extension is not built in this distribution")
                .contains("the k8s_observer extension is not built in this distribution")
                .contains("the metrics_transform processor is not built in this distribution")
                .doesNotContain("which is not configured");
    }

    @Test
    void typesUpstreamRemovedSayWhatReplacedThem() {
        String p = problems("""
                receivers: {otlp: {protocols: {http: {endpoint: "127.0.0.1:0"}}}, opencensus: {}}
                exporters: {logging: {verbosity: detailed}, jaeger: {endpoint: "j:14250"}}
                processors: {spanmetrics: {}}
                service:
                """ + PIPES);
        assertThat(p).contains("unknown type \"logging\" for id \"logging\": the logging exporter was removed upstream; use debug")
                .contains("the jaeger exporter was removed upstream; Jaeger takes OTLP: use otlp_grpc")
                .contains("the opencensus receiver was removed upstream; use otlp")
                .contains("the spanmetrics processor was removed upstream; use the span_metrics connector");
    }
}
