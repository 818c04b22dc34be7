package io.ottl4j.collector.processor.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.ottl4j.collector.Builtins;
import io.ottl4j.collector.config.CollectorConfig;
import io.ottl4j.collector.config.ConfigException;
import io.ottl4j.collector.config.ConfigNode;
import io.ottl4j.collector.config.YamlReader;
import io.ottl4j.collector.receiver.otlp.internal.OtlpReceiver;
import io.ottl4j.collector.service.Pipelines;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The collector's {@code --feature-gates} for upstream's current setters and context: {@code ottl.contexts.strictSetters}
 * (a wrong-typed constant rejected with the config) and {@code ottl.contexts.enableOTelColContext}
 * (the {@code otelcol} paths read what the OTLP receiver kept of the request).
 */
class UpstreamSettersAndOtelcolTest {
    private static final String STRICT_CONFIG = """
            receivers: {otlp: {protocols: {grpc: {endpoint: "127.0.0.1:0"}}}}
            processors:
              transform:
                trace_statements:
                  - set(span.name, 1)
            exporters: {debug: {}}
            service: {pipelines: {traces: {receivers: [otlp], processors: [transform], exporters: [debug]}}}
            """;

    private static CollectorConfig load(String yaml, Set<String> gates) throws ConfigException {
        return CollectorConfig.from((ConfigNode.MapNode) YamlReader.read(yaml, "gates.yaml"), Builtins.components(), gates);
    }

    @Test
    void aWrongTypedConstantIsRejectedOnlyUnderStrictSetters() {
        assertThatCode(() -> load(STRICT_CONFIG, Set.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> load(STRICT_CONFIG, Set.of("ottl.contexts.strictSetters"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("span.name expects string but got int64").hasMessageContaining("OTTL-E112");
    }

    @Test
    void otelcolPathsNeedTheirGate() {
        String yaml = STRICT_CONFIG.replace("set(span.name, 1)", "set(span.attributes[\"addr\"], otelcol.client.addr)");
        assertThatThrownBy(() -> load(yaml, Set.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ottl.contexts.enableOTelColContext");
        assertThatCode(() -> load(yaml, Set.of("ottl.contexts.enableOTelColContext"))).doesNotThrowAnyException();
    }

    @Test
    void otelcolPathsReadTheRequestTheReceiverKept() throws Exception {
        try (Harness h = Harness.start("""
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: "127.0.0.1:0", include_metadata: true}
                      http: {endpoint: "127.0.0.1:0", include_metadata: true}
                processors:
                  transform:
                    error_mode: propagate
                    trace_statements:
                      - set(span.attributes["tenant"], otelcol.client.metadata["x-tenant"][0])
                      - set(span.attributes["addr"], otelcol.client.addr)
                      - set(span.attributes["grpc_tenant"], otelcol.grpc.metadata["x-tenant"][0])
                      - set(span.attributes["nil_name_kept"], "yes") where otelcol.client.metadata["absent"] == nil
                exporters: {testsink: {}}
                service: {pipelines: {traces: {receivers: [otlp], processors: [transform], exporters: [testsink]}}}
                """, Set.of("ottl.contexts.enableOTelColContext", "ottl.contexts.strictSetters"))) {
            OtlpReceiver r = receiver(h);
            send(OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + r.grpcPort()).addHeader("X-Tenant", "acme").build());
            send(OtlpHttpSpanExporter.builder().setEndpoint("http://127.0.0.1:" + r.httpPort() + "/v1/traces")
                    .addHeader("X-Tenant", "ecorp").build());
            List<Harness.Delivery> d = h.deliveries("testsink");
            assertThat(d).hasSize(2);
            AttributeMap grpc = attributes(d.get(0));
            AttributeMap http = attributes(d.get(1));
            assertThat(grpc.get("tenant")).isEqualTo("acme");
            assertThat(grpc.get("grpc_tenant")).isEqualTo("acme");
            assertThat(grpc.get("addr")).isEqualTo("127.0.0.1");
            assertThat(grpc.get("nil_name_kept")).isEqualTo("yes");
            assertThat(http.get("tenant")).isEqualTo("ecorp");
            assertThat(http.containsKey("grpc_tenant")).isFalse(); // over HTTP there is no incoming gRPC metadata
            assertThat(http.get("addr")).isEqualTo("127.0.0.1");
        }
    }

    private static AttributeMap attributes(Harness.Delivery d) {
        @SuppressWarnings("unchecked")
        TelemetryBatch<Span> b = (TelemetryBatch<Span>) d.batch();
        return b.resources().get(0).scopes().get(0).items().get(0).attributes();
    }

    private static OtlpReceiver receiver(Harness h) {
        for (Pipelines.Node n : h.collector().pipelines().nodes()) {
            if (n.component() instanceof OtlpReceiver r) {
                return r;
            }
        }
        throw new IllegalStateException("no otlp receiver");
    }

    private static void send(SpanExporter exporter) {
        try (SdkTracerProvider p = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            p.get("test").spanBuilder("hello").startSpan().end();
            p.forceFlush().join(10, TimeUnit.SECONDS);
        }
    }
}
