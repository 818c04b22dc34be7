package io.ottl4j.collector.k8s.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.ottl4j.collector.Builtins;
import io.ottl4j.collector.component.Components;
import io.ottl4j.collector.component.Factory;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.config.CollectorConfig;
import io.ottl4j.collector.config.ConfigLoader;
import io.ottl4j.collector.k8s.KubernetesClients;
import io.ottl4j.collector.k8s.MockKubernetesApi;
import io.ottl4j.collector.processor.resourcedetection.ResourceDetectionProcessorFactory;
import io.ottl4j.collector.processor.resourcedetection.internal.SystemDetector;
import io.ottl4j.collector.receiver.otlp.internal.OtlpReceiver;
import io.ottl4j.collector.service.Collector;
import io.ottl4j.collector.service.Pipelines;
import io.ottl4j.collector.testing.Harness;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's {@code resource}, {@code k8sattributes}, {@code resourcedetection}, {@code transform} and
 * {@code attributes/sidekiq} processors, in the seed's order and taken from the fixture, on what the OpenTelemetry
 * Java SDK sends, against the mock Kubernetes API. Two deliberate changes: k8sattributes authenticates with a
 * kubeconfig pointing at the mock (the seed's serviceAccount needs a pod's mounted token), and the system
 * detector's host-name sources answer without DNS (tests talk to loopback only).
 */
class SeedEnrichmentEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path dir;
    private MockKubernetesApi api;
    private Collector collector;

    @AfterEach
    void stop() {
        if (collector != null) {
            collector.shutdown(Duration.ofSeconds(10));
        }
        if (api != null) {
            api.close();
        }
    }

    private static final SystemDetector.Names NO_DNS = io.ottl4j.collector.k8s.FixedHostNames.NO_DNS;

    @Test
    void spansMetricsAndLogsLeaveWithPodHostAndSeedStatements() throws Exception {
        api = MockKubernetesApi.start(dir);
        var rs = api.client().apps().replicaSets().inNamespace("mastodon-social").resource(new ReplicaSetBuilder().withNewMetadata()
                .withName("mastodon-web-5d8f7c9b6").withNamespace("mastodon-social").withOwnerReferences(new OwnerReferenceBuilder().withKind("Deployment")
                        .withName("mastodon-web").withUid("dep-uid-1").withController(true).build()).endMetadata().build()).create();
        // the SDK connects from 127.0.0.1: that is this pod's IP as the connection association sees it
        api.create(MockKubernetesApi.pod("mastodon-social", "mastodon-web-5d8f7c9b6-q2x7z", null, "127.0.0.1").editMetadata()
                .withLabels(Map.of("app.kubernetes.io/component", "web")).withOwnerReferences(new OwnerReferenceBuilder().withKind("ReplicaSet")
                        .withName(rs.getMetadata().getName()).withUid(rs.getMetadata().getUid()).withController(true).build()).endMetadata()
                .editSpec().withNodeName("node-7").endSpec().build());

        JsonNode processors;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/mastodon-collector.yaml")) {
            processors = YAML.readTree(in).path("spec").path("config").path("processors");
        }
        ObjectNode procs = YAML.createObjectNode();
        List<String> seedOrder = List.of("resource", "k8sattributes", "resourcedetection", "transform", "attributes/sidekiq");
        for (String id : seedOrder) {
            assertThat(processors.has(id)).as(id).isTrue();
            procs.set(id, processors.get(id).deepCopy());
        }
        ObjectNode k8s = (ObjectNode) procs.get("k8sattributes");
        assertThat(k8s.path("auth_type").asText()).isEqualTo("serviceAccount");
        k8s.put("auth_type", "kubeConfig").put("kube_config_path", api.kubeconfig().toString());
        procs.set("batch", YAML.readTree("timeout: 20ms"));
        Path out = dir.resolve("out.jsonl");
        List<String> withSidekiq = new ArrayList<>(seedOrder);
        withSidekiq.add("batch");
        List<String> metricsOrder = List.of("resource", "k8sattributes", "resourcedetection", "transform", "batch");
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("receivers", Map.of("otlp", Map.of("protocols", Map.of("grpc", Map.of("endpoint", "127.0.0.1:0"), "http", Map.of("endpoint", "127.0.0.1:0")))));
        cfg.put("processors", procs);
        cfg.put("exporters", Map.of("file", Map.of("path", out.toString())));
        cfg.put("service", Map.of("telemetry", Map.of("metrics", Map.of("level", "none")), "pipelines", Map.of(
                "traces", Map.of("receivers", List.of("otlp"), "processors", withSidekiq, "exporters", List.of("file")),
                "metrics", Map.of("receivers", List.of("otlp"), "processors", metricsOrder, "exporters", List.of("file")),
                "logs", Map.of("receivers", List.of("otlp"), "processors", withSidekiq, "exporters", List.of("file")))));
        collector = start(YAML.writeValueAsString(cfg));
        OtlpReceiver receiver = receiver(collector);

        Resource resource = Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "mastodon-web",
                AttributeKey.stringKey("vcs.repository.ref.revision"), "abc123"));
        SdkTracerProvider tracers = SdkTracerProvider.builder().setResource(resource).addSpanProcessor(SimpleSpanProcessor.create(
                OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + receiver.grpcPort()).build())).build();
        SdkMeterProvider meters = SdkMeterProvider.builder().setResource(resource).registerMetricReader(PeriodicMetricReader.builder(
                OtlpGrpcMetricExporter.builder().setEndpoint("http://127.0.0.1:" + receiver.grpcPort()).build()).setInterval(Duration.ofHours(1)).build()).build();
        SdkLoggerProvider loggers = SdkLoggerProvider.builder().setResource(resource).addLogRecordProcessor(SimpleLogRecordProcessor.create(
                OtlpHttpLogRecordExporter.builder().setEndpoint("http://127.0.0.1:" + receiver.httpPort() + "/v1/logs").build())).build();
        try {
            // the seed does not wait for metadata: probe until the informers have synced (bounded)
            Harness.await(Duration.ofSeconds(30), () -> {
                tracers.get("probe").spanBuilder("probe").startSpan().end();
                tracers.forceFlush().join(5, TimeUnit.SECONDS);
                return read(out).stream().anyMatch(r -> "probe".equals(r.span()) && r.attr("k8s.deployment.name") != null);
            });
            tracers.get("rack").spanBuilder("GET /api/v1/timelines/home").setAttribute("code.namespace", "Api::V1::TimelinesController")
                    .setAttribute("code.function", "show").startSpan().end();
            tracers.get("sidekiq").spanBuilder("PushUpdateWorker process").setAttribute("messaging.sidekiq.job_class", "PushUpdateWorker").startSpan().end();
            tracers.forceFlush().join(10, TimeUnit.SECONDS);
            meters.get("puma").counterBuilder("requests").build().add(1);
            meters.forceFlush().join(10, TimeUnit.SECONDS);
            loggers.get("rails").logRecordBuilder().setBody("Completed 200 OK").emit();
            loggers.forceFlush().join(10, TimeUnit.SECONDS);
            Harness.await(Duration.ofSeconds(30), () -> {
                List<Rec> recs = read(out);
                return recs.stream().anyMatch(r -> r.signal().equals("resourceMetrics")) && recs.stream().anyMatch(r -> r.signal().equals("resourceLogs"))
                        && recs.stream().anyMatch(r -> "PushUpdateWorker process".equals(r.span()));
            });
        } finally {
            tracers.close();
            meters.close();
            loggers.close();
        }

        List<Rec> recs = read(out);
        Map<String, Rec> spans = new HashMap<>();
        recs.stream().filter(r -> r.span() != null).forEach(r -> spans.put(r.span(), r));
        assertThat(spans.get("GET /api/v1/timelines/home").spanAttr("resource.name")).isEqualTo("Api::V1::TimelinesController#show");
        assertThat(spans.get("PushUpdateWorker process").spanAttr("resource.name")).isEqualTo("PushUpdateWorker");
        for (String signal : List.of("resourceSpans", "resourceMetrics", "resourceLogs")) {
            Rec r = recs.stream().filter(x -> x.signal().equals(signal) && !"probe".equals(x.span())).findFirst().orElseThrow();
            assertThat(r.attr("k8s.pod.name")).as(signal).isEqualTo("mastodon-web-5d8f7c9b6-q2x7z");
            assertThat(r.attr("k8s.namespace.name")).isEqualTo("mastodon-social");
            assertThat(r.attr("k8s.deployment.name")).isEqualTo("mastodon-web");
            assertThat(r.attr("k8s.pod.uid")).isNotBlank();
            assertThat(r.attr("k8s.pod.start_time")).endsWith("Z");
            assertThat(r.attr("app.label.component")).isEqualTo("web");
            assertThat(r.attr("k8s.node.name")).as("rewritten once by the seed's transform").isEqualTo("node-7-k8s-1");
            assertThat(r.attr("host.name")).isEqualTo("collector-host.cluster.internal");
            assertThat(r.attr("os.type")).isEqualTo("linux");
            assertThat(r.attr("host.arch")).isNotBlank();
            assertThat(r.attr("os.description")).isNotBlank();
            assertThat(r.attr("property")).isEqualTo("mastodon.social");
            assertThat(r.attr("git.commit.sha")).isEqualTo("abc123");
        }
    }

    /** One resource of the file exporter's output, with its first span's name when it holds spans. */
    record Rec(String signal, JsonNode resource, JsonNode firstSpan) {
        String span() {
            return firstSpan == null ? null : firstSpan.path("name").asText();
        }

        String attr(String key) {
            return value(resource, key);
        }

        String spanAttr(String key) {
            return value(firstSpan, key);
        }

        private static String value(JsonNode holder, String key) {
            for (JsonNode a : holder.path("attributes")) {
                if (a.path("key").asText().equals(key)) {
                    JsonNode v = a.path("value");
                    return v.has("stringValue") ? v.path("stringValue").asText() : v.toString();
                }
            }
            return null;
        }
    }

    private static List<Rec> read(Path out) {
        List<Rec> recs = new ArrayList<>();
        try {
            if (!Files.exists(out)) {
                return recs;
            }
            for (String line : Files.readAllLines(out)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode d = JSON.readTree(line);
                for (String signal : List.of("resourceSpans", "resourceMetrics", "resourceLogs")) {
                    for (JsonNode r : d.path(signal)) {
                        List<JsonNode> spans = r.findValues("spans");
                        JsonNode first = spans.isEmpty() || spans.get(0).isEmpty() ? null : spans.get(0).get(0);
                        recs.add(new Rec(signal, r.path("resource"), first));
                    }
                }
            }
        } catch (java.io.IOException e) {
            // a line being written: read again on the next poll
        }
        return recs;
    }

    private Collector start(String yaml) throws Exception {
        Path f = dir.resolve("collector.yaml");
        Files.writeString(f, yaml);
        List<Factory<?>> factories = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (Factory<?> fa : Builtins.components().all(k)) {
                if (!(fa instanceof ResourceDetectionProcessorFactory)) {
                    factories.add(fa);
                }
            }
        }
        factories.add(new ResourceDetectionProcessorFactory(System::getenv, Path.of("/"), NO_DNS, KubernetesClients.system()));
        CollectorConfig cfg = CollectorConfig.from(new ConfigLoader(Map.of()).load(List.of(f.toString()), List.of()), new Components(factories), Set.of());
        Collector c = new Collector(cfg, Set.of(), "test");
        c.start();
        return c;
    }

    private static OtlpReceiver receiver(Collector c) {
        for (Pipelines.Node n : c.pipelines().nodes()) {
            if (n.component() instanceof OtlpReceiver r) {
                return r;
            }
        }
        throw new IllegalStateException("no otlp receiver");
    }
}
