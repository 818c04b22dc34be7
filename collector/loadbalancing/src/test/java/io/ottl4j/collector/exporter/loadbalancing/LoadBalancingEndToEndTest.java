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

    private Collector gateway(Path file, String endpoint) throws Exception {
        return gateway(file, endpoint, "[]");
    }

    /** The seed config's tail_sampling block, with a short decision_wait so the test does not wait 30 s. */
    private static final String SEED_TAIL_SAMPLING = """
            tail_sampling:
                decision_wait: 1s
                policies:
                  [
                    {name: errors-policy, type: status_code, status_code: { status_codes: [ERROR] }},
                    {name: randomized-policy, type: probabilistic, probabilistic: { sampling_percentage: 0.1 }},
                  ]
            """;

    private Collector gateway(Path file, String endpoint, String processors) throws Exception {
        Collector c = TestCollectors.start("""
                processors:
                  %s
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: "%s"}
                exporters:
                  file: {path: "%s"}
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    traces: {receivers: [otlp], processors: %s, exporters: [file]}
                """.formatted(SEED_TAIL_SAMPLING.replace("\n", "\n  "), endpoint, file, processors));
        collectors.add(c);
        return c;
    }

    @Test
    void staticResolver_everyTraceLandsWholeOnOneOfThreeGateways() throws Exception {
        List<Path> files = new ArrayList<>();
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path f = dir.resolve("gateway-" + i + ".jsonl");
            files.add(f);
            endpoints.add("127.0.0.1:" + TestCollectors.receiver(gateway(f, "127.0.0.1:0")).grpcPort());
        }
        sendAndCheck(files, "static: {hostnames: [" + String.join(", ", endpoints) + "]}");
    }

    /**
     * The k8s resolver against fabric8's mock API: three gateways listen on one port of 127.0.0.1, .2 and .3 (each
     * loopback address a "pod IP"), published as the ready endpoints of the gateways' service; a fourth, terminating
     * endpoint must get nothing.
     */
    @Test
    void k8sResolver_everyTraceLandsWholeOnOneOfThreeGateways() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        List<Path> files = new ArrayList<>();
        List<io.fabric8.kubernetes.api.model.discovery.v1.Endpoint> slice = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path f = dir.resolve("gateway-" + i + ".jsonl");
            files.add(f);
            gateway(f, "127.0.0." + i + ":" + port);
            slice.add(new io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder().withAddresses("127.0.0." + i).withNewConditions()
                    .withReady(true).endConditions().build());
        }
        Path terminating = dir.resolve("terminating.jsonl");
        gateway(terminating, "127.0.0.4:" + port);
        slice.add(new io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder().withAddresses("127.0.0.4").withNewConditions()
                .withReady(false).withTerminating(true).endConditions().build());
        try (io.ottl4j.collector.k8s.MockKubernetesApi api = io.ottl4j.collector.k8s.MockKubernetesApi.start(dir)) {
            api.client().discovery().v1().endpointSlices().inNamespace("observability").resource(
                    new io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder().withNewMetadata().withName("gateways-x")
                            .withNamespace("observability").addToLabels("kubernetes.io/service-name", "gateways").endMetadata()
                            .withAddressType("IPv4").withEndpoints(slice).build()).create();
            sendAndCheck(files, "k8s: {service: gateways.observability, ports: [" + port + "], timeout: 30s, " + api.authYaml().replace("\n", ", ")
                    + "}");
        }
        assertThat(read(terminating)).isEmpty();
    }

    /**
     * Gateways running the seed's tail_sampling: every trace with an error span is kept whole on exactly one gateway,
     * which is only possible when each gateway sees all of its spans (a split trace would lose its error span on one
     * side), and almost all other traces are dropped.
     */
    @Test
    void gatewaysRunningTheSeedsTailSamplingKeepEveryErrorTraceWhole() throws Exception {
        List<Path> files = new ArrayList<>();
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path f = dir.resolve("sampled-" + i + ".jsonl");
            files.add(f);
            endpoints.add("127.0.0.1:" + TestCollectors.receiver(gateway(f, "127.0.0.1:0", "[tail_sampling]")).grpcPort());
        }
        Collector agent = agent("static: {hostnames: [" + String.join(", ", endpoints) + "]}");
        int errorTraces = 0;
        OtlpGrpcSpanExporter exporter = OtlpGrpcSpanExporter.builder()
                .setEndpoint("http://127.0.0.1:" + TestCollectors.receiver(agent).grpcPort()).build();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).setMaxExportBatchSize(64).build()).build()) {
            Tracer tracer = provider.get("lb-sampling-test");
            for (int t = 0; t < TRACES; t++) {
                boolean error = t % 10 == 0;
                errorTraces += error ? 1 : 0;
                Span root = tracer.spanBuilder("GET /" + t).startSpan();
                try (Scope ignored = root.makeCurrent()) {
                    for (int s = 1; s < SPANS_PER_TRACE; s++) {
                        Span child = tracer.spanBuilder("child " + s).startSpan();
                        if (error && s == SPANS_PER_TRACE - 1) {
                            child.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR);
                        }
                        child.end();
                    }
                } finally {
                    root.end();
                }
            }
            assertThat(provider.forceFlush().join(30, TimeUnit.SECONDS).isSuccess()).isTrue();
        }
        int expected = errorTraces;
        Map<String, Set<Integer>> gatewaysOfTrace = new HashMap<>();
        Map<String, Integer> spansOfTrace = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        do {
            gatewaysOfTrace.clear();
            spansOfTrace.clear();
            for (int g = 0; g < files.size(); g++) {
                for (TelemetryBatch<?> batch : read(files.get(g))) {
                    for (ResourceGroup<io.ottl4j.pdata.Span> rg : batch.asTraces().resources()) {
                        for (ScopeGroup<io.ottl4j.pdata.Span> sg : rg.scopes()) {
                            for (io.ottl4j.pdata.Span s : sg.items()) {
                                gatewaysOfTrace.computeIfAbsent(s.traceId().toHex(), k -> new HashSet<>()).add(g);
                                spansOfTrace.merge(s.traceId().toHex(), 1, Integer::sum);
                            }
                        }
                    }
                }
            }
            if (spansOfTrace.values().stream().filter(n -> n == SPANS_PER_TRACE).count() >= expected) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        // every error trace whole, on one gateway; the 0.1 % of the other 270 keeps at most a few (5 sigma: < 6)
        assertThat(spansOfTrace.values()).allSatisfy(n -> assertThat(n).isEqualTo(SPANS_PER_TRACE));
        assertThat(gatewaysOfTrace.values()).allSatisfy(g -> assertThat(g).hasSize(1));
        assertThat(spansOfTrace).hasSizeBetween(expected, expected + 5);
    }

    private Collector agent(String resolverYaml) throws Exception {
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
                      %s
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    traces: {receivers: [otlp], exporters: [loadbalancing]}
                """.formatted(resolverYaml));
        collectors.add(agent);
        return agent;
    }

    private void sendAndCheck(List<Path> files, String resolverYaml) throws Exception {
        Collector agent = agent(resolverYaml);

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
