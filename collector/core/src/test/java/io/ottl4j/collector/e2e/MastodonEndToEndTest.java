package io.ottl4j.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
import io.ottl4j.collector.service.Collector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resource, transform and attributes/sidekiq sections of the Mastodon production config, taken
 * unchanged from the seed config in test resources, run on what the OpenTelemetry Java SDK sends: span resource.name becomes
 * {@code <code.namespace>#<code.function>} (sidekiq jobs get their job class), and the k8s node name of every
 * resource is rewritten with the {@code -k8s-1} suffix, for traces, metrics and logs.
 */
class MastodonEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path dir;
    private Collector collector;

    @AfterEach
    void stop() {
        TestCollectors.stop(collector);
    }

    static Path fixture() {
        return io.ottl4j.collector.testing.Fixtures.mastodonConfig();
    }

    @Test
    void mastodonStatementsOnSdkTelemetry() throws Exception {
        JsonNode processors = YAML.readTree(fixture().toFile()).path("spec").path("config").path("processors");
        Path out = dir.resolve("out.jsonl");
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("receivers", Map.of("otlp", Map.of("protocols", Map.of("grpc", Map.of("endpoint", "127.0.0.1:0"), "http",
                Map.of("endpoint", "127.0.0.1:0")))));
        ObjectNode procs = YAML.createObjectNode();
        for (String id : List.of("resource", "transform", "attributes/sidekiq")) {
            assertThat(processors.has(id)).as(id).isTrue();
            procs.set(id, processors.get(id));
        }
        procs.set("batch", YAML.readTree("timeout: 20ms"));
        cfg.put("processors", procs);
        cfg.put("exporters", Map.of("file", Map.of("path", out.toString())));
        List<String> withSidekiq = List.of("resource", "transform", "attributes/sidekiq", "batch");
        cfg.put("service", Map.of("telemetry", Map.of("metrics", Map.of("level", "none")), "pipelines", Map.of(
                "traces", Map.of("receivers", List.of("otlp"), "processors", withSidekiq, "exporters", List.of("file")),
                "metrics", Map.of("receivers", List.of("otlp"), "processors", List.of("resource", "transform", "batch"), "exporters", List.of("file")),
                "logs", Map.of("receivers", List.of("otlp"), "processors", withSidekiq, "exporters", List.of("file")))));
        collector = TestCollectors.start(YAML.writeValueAsString(cfg));
        int grpc = TestCollectors.receiver(collector).grpcPort();
        int http = TestCollectors.receiver(collector).httpPort();

        Resource resource = Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "mastodon-web",
                AttributeKey.stringKey("k8s.node.name"), "node-7", AttributeKey.stringKey("vcs.repository.ref.revision"), "abc123"));
        SdkTracerProvider tracers = SdkTracerProvider.builder().setResource(resource)
                .addSpanProcessor(SimpleSpanProcessor.create(OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + grpc).build())).build();
        tracers.get("rack").spanBuilder("GET /api/v1/timelines/home").setAttribute("code.namespace", "Api::V1::TimelinesController")
                .setAttribute("code.function", "show").startSpan().end();
        tracers.get("sidekiq").spanBuilder("PushUpdateWorker process").setAttribute("messaging.sidekiq.job_class", "PushUpdateWorker")
                .startSpan().end();
        tracers.get("rack").spanBuilder("GET /health").startSpan().end();
        tracers.forceFlush().join(5, TimeUnit.SECONDS);
        SdkMeterProvider meters = SdkMeterProvider.builder().setResource(resource)
                .registerMetricReader(PeriodicMetricReader.builder(OtlpGrpcMetricExporter.builder().setEndpoint("http://127.0.0.1:" + grpc).build())
                        .setInterval(Duration.ofHours(1)).build()).build();
        meters.get("puma").counterBuilder("requests").build().add(1);
        meters.forceFlush().join(5, TimeUnit.SECONDS);
        SdkLoggerProvider loggers = SdkLoggerProvider.builder().setResource(resource).addLogRecordProcessor(SimpleLogRecordProcessor.create(
                OtlpHttpLogRecordExporter.builder().setEndpoint("http://127.0.0.1:" + http + "/v1/logs").build())).build();
        loggers.get("rails").logRecordBuilder().setBody("Completed 200 OK").emit();
        loggers.forceFlush().join(5, TimeUnit.SECONDS);

        Map<String, JsonNode> spans = new HashMap<>();
        Map<String, JsonNode> resources = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // bounded, generous: a busy machine is slow
        while ((spans.size() < 3 || resources.size() < 3) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            if (!Files.exists(out)) {
                continue;
            }
            for (String line : Files.readAllLines(out)) {
                JsonNode d = line.isBlank() ? JSON.createObjectNode() : JSON.readTree(line);
                for (String signal : List.of("resourceSpans", "resourceMetrics", "resourceLogs")) {
                    for (JsonNode r : d.path(signal)) {
                        resources.put(signal, r.path("resource"));
                        r.findValues("spans").forEach(list -> list.forEach(s -> spans.put(s.path("name").asText(), s)));
                    }
                }
            }
        }
        tracers.close();
        meters.close();
        loggers.close();

        assertThat(spans).containsKeys("GET /api/v1/timelines/home", "PushUpdateWorker process", "GET /health");
        assertThat(attr(spans.get("GET /api/v1/timelines/home"), "resource.name")).isEqualTo("Api::V1::TimelinesController#show");
        assertThat(attr(spans.get("PushUpdateWorker process"), "resource.name")).isEqualTo("PushUpdateWorker");
        assertThat(attr(spans.get("GET /health"), "resource.name")).isNull();
        assertThat(resources).containsOnlyKeys("resourceSpans", "resourceMetrics", "resourceLogs");
        for (JsonNode r : resources.values()) {
            assertThat(attr(r, "k8s.node.name")).isEqualTo("node-7-k8s-1");
            assertThat(attr(r, "property")).isEqualTo("mastodon.social");
            assertThat(attr(r, "git.commit.sha")).isEqualTo("abc123");
        }
    }

    private static String attr(JsonNode holder, String key) {
        for (JsonNode a : holder.path("attributes")) {
            if (a.path("key").asText().equals(key)) {
                return a.path("value").path("stringValue").asText();
            }
        }
        return null;
    }
}
