package io.ottl4j.collector.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.ottl4j.collector.receiver.otlp.internal.OtlpReceiver;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * OTTL's {@code otelcol} paths (gate {@code ottl.contexts.enableOTelColContext}, as {@code --feature-gates} enables it) read
 * what the otlp receiver kept of each request: the OpenTelemetry SDK sends a header over gRPC and over HTTP.
 */
class OtelcolContextEndToEndTest {
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
            OtlpReceiver r = IncludeMetadataTest.receiver(h);
            IncludeMetadataTest.send(OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + r.grpcPort()).addHeader("X-Tenant", "acme").build());
            IncludeMetadataTest.send(OtlpHttpSpanExporter.builder().setEndpoint("http://127.0.0.1:" + r.httpPort() + "/v1/traces")
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
}
