package io.ottl4j.collector.exporter.loadbalancing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.ottl4j.collector.e2e.TestCollectors;
import io.ottl4j.collector.service.Collector;
import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.TelemetryBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent/gateway topology on loopback: the OpenTelemetry Java SDK sends traces to an agent collector whose
 * {@code load_balancing} exporter spreads them over three gateway collectors; every trace's spans must land on
 * exactly one gateway, each gateway gets a share, and nothing is lost or duplicated.
 */
class LoadBalancingEndToEndTest {
    private static final int TRACES = 300;
    private static final int SPANS_PER_TRACE = 4;

    @TempDir
    Path dir;
    private final List<Collector> collectors = new ArrayList<>();

    @AfterEach
    void stop() {
        collectors.forEach(TestCollectors::stop);
    }

    private Collector gateway(Path file) throws Exception {
        Collector c = TestCollectors.start("""
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: "127.0.0.1:0"}
                exporters:
                  file: {path: "%s"}
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    traces: {receivers: [otlp], exporters: [file]}
                """.formatted(file));
        collectors.add(c);
        return c;
    }

    @Test
    void everyTraceLandsWhole_onOneOfThreeGateways() throws Exception {
        List<Path> files = new ArrayList<>();
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path f = dir.resolve("gateway-" + i + ".jsonl");
            files.add(f);
            endpoints.add("127.0.0.1:" + TestCollectors.receiver(gateway(f)).grpcPort());
        }
        Collector agent = TestCollectors.start("""
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: "127.0.0.1:0"}
                exporters:
                  loadbalancing:
                    protocol:
                      otlp:
                        tls: {insecure: true}
                    resolver:
                      static:
                        hostnames: [%s]
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    traces: {receivers: [otlp], exporters: [loadbalancing]}
                """.formatted(String.join(", ", endpoints)));
        collectors.add(agent);

        OtlpGrpcSpanExporter exporter = OtlpGrpcSpanExporter.builder()
                .setEndpoint("http://127.0.0.1:" + TestCollectors.receiver(agent).grpcPort()).build();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().toBuilder().put("service.name", "shop").build())
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).setMaxExportBatchSize(64).build()).build()) {
            Tracer tracer = provider.get("lb-test");
            for (int t = 0; t < TRACES; t++) {
                Span root = tracer.spanBuilder("GET /" + t).startSpan();
                try (Scope ignored = root.makeCurrent()) {
                    for (int s = 1; s < SPANS_PER_TRACE; s++) {
                        tracer.spanBuilder("child " + s).startSpan().end();
                    }
                } finally {
                    root.end();
                }
            }
            assertThat(provider.forceFlush().join(30, TimeUnit.SECONDS).isSuccess()).isTrue();
        }

        Map<String, Set<Integer>> gatewaysOfTrace = new HashMap<>();
        List<Integer> spansPerGateway = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int total;
        do {
            gatewaysOfTrace.clear();
            spansPerGateway.clear();
            total = 0;
            for (int g = 0; g < files.size(); g++) {
                int spans = 0;
                for (TelemetryBatch<?> batch : read(files.get(g))) {
                    for (ResourceGroup<io.ottl4j.pdata.Span> rg : batch.asTraces().resources()) {
                        for (ScopeGroup<io.ottl4j.pdata.Span> sg : rg.scopes()) {
                            for (io.ottl4j.pdata.Span s : sg.items()) {
                                spans++;
                                gatewaysOfTrace.computeIfAbsent(s.traceId().toHex(), k -> new HashSet<>()).add(g);
                            }
                        }
                    }
                }
                spansPerGateway.add(spans);
                total += spans;
            }
            if (total >= TRACES * SPANS_PER_TRACE) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);

        assertThat(total).isEqualTo(TRACES * SPANS_PER_TRACE);
        assertThat(gatewaysOfTrace).hasSize(TRACES).allSatisfy((trace, gateways) -> assertThat(gateways).hasSize(1));
        assertThat(spansPerGateway).allSatisfy(n -> assertThat(n).isPositive());
    }

    /** The complete lines of a file exporter's output (a line being written is left for the next poll). */
    private static List<TelemetryBatch<?>> read(Path file) throws Exception {
        List<TelemetryBatch<?>> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        String text = Files.readString(file);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return out;
        }
        for (String line : text.substring(0, end).split("\n")) {
            if (!line.isBlank()) {
                out.add(OtlpJson.read(line));
            }
        }
        return out;
    }
}
