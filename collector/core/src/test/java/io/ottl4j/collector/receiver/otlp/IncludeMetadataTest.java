package io.ottl4j.collector.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.receiver.otlp.internal.OtlpReceiver;
import io.ottl4j.collector.service.Pipelines;
import io.ottl4j.collector.testing.Harness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code include_metadata}: the OpenTelemetry SDK sends headers over gRPC and HTTP; what reaches the
 * exporter carries them as client metadata (keys case-insensitive), or only the peer address when off.
 * The routing connector's request context and the batch processor's metadata_keys consume it.
 */
class IncludeMetadataTest {
    static OtlpReceiver receiver(Harness h) {
        for (Pipelines.Node n : h.collector().pipelines().nodes()) {
            if (n.component() instanceof OtlpReceiver r) {
                return r;
            }
        }
        throw new IllegalStateException("no otlp receiver");
    }

    /** Sends one span through {@code exporter} and waits for the export (also used by {@link OtelcolContextEndToEndTest}). */
    static void send(SpanExporter exporter) {
        try (SdkTracerProvider p = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            p.get("test").spanBuilder("hello").startSpan().end();
            p.forceFlush().join(10, TimeUnit.SECONDS);
        }
    }

    private static Harness start(boolean include, String middle, String exporters) throws Exception {
        return Harness.start("""
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: "127.0.0.1:0", include_metadata: %1$s}
                      http: {endpoint: "127.0.0.1:0", include_metadata: %1$s}
                exporters: {testsink: {}, testsink/acme: {}, testsink/other: {}}
                %2$s
                """.formatted(include, middle) + exporters);
    }

    private static void sendBoth(Harness h, String tenant) {
        OtlpReceiver r = receiver(h);
        send(OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + r.grpcPort()).addHeader("X-Tenant", tenant).build());
        send(OtlpHttpSpanExporter.builder().setEndpoint("http://127.0.0.1:" + r.httpPort() + "/v1/traces").addHeader("X-Tenant", tenant).build());
    }

    @Test
    void headersBecomeClientMetadataOnlyWhenIncluded() throws Exception {
        String pipelines = "service: {pipelines: {traces: {receivers: [otlp], exporters: [testsink]}}}\n";
        try (Harness h = start(true, "", pipelines)) {
            sendBoth(h, "acme");
            List<Harness.Delivery> d = h.deliveries("testsink");
            assertThat(d).hasSize(2).allSatisfy(x -> {
                assertThat(x.client().get("x-tenant")).containsExactly("acme");
                assertThat(x.client().get("X-TENANT")).containsExactly("acme");
                assertThat(x.client().address()).isEqualTo("127.0.0.1");
            });
        }
        try (Harness h = start(false, "", pipelines)) {
            sendBoth(h, "acme");
            assertThat(h.deliveries("testsink")).hasSize(2).allSatisfy(x -> {
                assertThat(x.client().metadata()).isEmpty();
                assertThat(x.client().address()).isEqualTo("127.0.0.1");
            });
        }
    }

    @Test
    void routingByRequestMetadataThroughBatchWithMetadataKeys() throws Exception {
        try (Harness h = start(true, """
                processors:
                  batch: {metadata_keys: [X-Tenant], send_batch_size: 2, timeout: 1h}
                connectors:
                  routing:
                    default_pipelines: [traces/other]
                    table:
                      - context: request
                        condition: request["X-Tenant"] == "acme"
                        pipelines: [traces/acme]
                """, """
                service:
                  pipelines:
                    traces/in: {receivers: [otlp], processors: [batch], exporters: [routing]}
                    traces/acme: {receivers: [routing], exporters: [testsink/acme]}
                    traces/other: {receivers: [routing], exporters: [testsink/other]}
                """)) {
            sendBoth(h, "acme");
            sendBoth(h, "ecorp");
            // one batch per tenant, sent when its second span arrives (the size trigger: no timer to race with a busy
            // machine); the batcher keeps tenants apart and forwards only the metadata_keys values
            Harness.await(Duration.ofSeconds(30), () -> !h.deliveries("testsink/acme").isEmpty() && !h.deliveries("testsink/other").isEmpty());
            assertThat(h.deliveries("testsink/acme")).singleElement().satisfies(x -> {
                assertThat(x.batch().itemCount()).isEqualTo(2);
                assertThat(x.client().metadata()).containsOnlyKeys("x-tenant");
            });
            assertThat(h.deliveries("testsink/other")).singleElement().satisfies(x -> {
                assertThat(x.batch().itemCount()).isEqualTo(2);
                assertThat(x.client().get("x-tenant")).containsExactly("ecorp");
            });
        }
    }
}
