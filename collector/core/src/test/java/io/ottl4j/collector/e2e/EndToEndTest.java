package io.ottl4j.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenTelemetry Java SDK sends traces (gRPC and HTTP), metrics (gRPC) and logs (HTTP) to a collector
 * running Mastodon-style resource/transform/attributes/batch processing, which writes a file and forwards
 * over OTLP/gRPC to a second collector that writes another file.
 */
class EndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Collector front;
    private Collector back;

    @AfterEach
    void stop() {
        TestCollectors.stop(front);
        TestCollectors.stop(back);
    }

    @Test
    void sdkToCollectorToCollector() throws Exception {
        Path backFile = dir.resolve("back.jsonl");
        Path frontFile = dir.resolve("front.jsonl");
        back = TestCollectors.start("""
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
                    metrics: {receivers: [otlp], exporters: [file]}
                    logs: {receivers: [otlp], exporters: [file]}
                """.formatted(backFile));
        int backPort = TestCollectors.receiver(back).grpcPort();
        front = TestCollectors.start("""
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: "127.0.0.1:0"}
                      http:
                        endpoint: "127.0.0.1:0"
                        cors: {allowed_origins: ['http://*', 'https://*']}
                processors:
                  batch: {timeout: 50ms}
                  resource:
                    attributes:
                      - {key: deployment.environment.name, value: production, action: upsert}
                      - {key: property, value: mastodon.social, action: upsert}
                      - {key: git.commit.sha, from_attribute: vcs.repository.ref.revision, action: insert}
                  transform:
                    error_mode: ignore
                    trace_statements:
                      - context: span
                        conditions:
                          - attributes["code.namespace"] != nil
                        statements:
                          - set(attributes["resource.name"],
                            attributes["code.function"])
                      - context: resource
                        conditions:
                          - attributes["k8s.node.name"] != nil
                        statements:
                          - set (attributes["k8s.node.name"], "node-k8s-1")
                    metric_statements:
                      - set(resource.attributes["seen.by"], "transform")
                    log_statements:
                      - set(log.attributes["seen.by"], "transform")
                  attributes/sidekiq:
                    include:
                      match_type: strict
                      attributes:
                        - key: messaging.sidekiq.job_class
                    actions:
                      - key: resource.name
                        from_attribute: messaging.sidekiq.job_class
                        action: upsert
                exporters:
                  file: {path: "%s"}
                  otlp:
                    endpoint: "127.0.0.1:%d"
                    tls: {insecure: true}
                    sending_queue: {enabled: false}
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    traces:
                      receivers: [otlp]
                      processors: [resource, transform, attributes/sidekiq, batch]
                      exporters: [file, otlp]
                    metrics:
                      receivers: [otlp]
                      processors: [resource, transform, batch]
                      exporters: [file, otlp]
                    logs:
                      receivers: [otlp]
                      processors: [resource, transform, attributes/sidekiq, batch]
                      exporters: [file, otlp]
                """.formatted(frontFile, backPort));
        int grpc = TestCollectors.receiver(front).grpcPort();
        int http = TestCollectors.receiver(front).httpPort();

        Resource resource = Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "mastodon-web",
                AttributeKey.stringKey("k8s.node.name"), "node", AttributeKey.stringKey("vcs.repository.ref.revision"), "abc123"));
        SdkTracerProvider tracers = SdkTracerProvider.builder().setResource(resource)
                .addSpanProcessor(SimpleSpanProcessor.create(OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + grpc).build()))
                .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
                        .setEndpoint("http://127.0.0.1:" + http + "/v1/traces").setCompression("gzip").build()))
                .build();
        Span span = tracers.get("test").spanBuilder("GET /api/v1/timelines").setAttribute("code.namespace", "Api::V1::TimelinesController")
                .setAttribute("code.function", "show").startSpan();
        span.end();
        Span job = tracers.get("test").spanBuilder("sidekiq job").setAttribute("messaging.sidekiq.job_class", "PushJob").startSpan();
        job.end();
        tracers.forceFlush().join(5, TimeUnit.SECONDS);

        SdkMeterProvider meters = SdkMeterProvider.builder().setResource(resource)
                .registerMetricReader(PeriodicMetricReader.builder(OtlpGrpcMetricExporter.builder().setEndpoint("http://127.0.0.1:" + grpc).build())
                        .setInterval(Duration.ofHours(1)).build())
                .build();
        meters.get("test").counterBuilder("requests").build().add(3);
        meters.forceFlush().join(5, TimeUnit.SECONDS);

        SdkLoggerProvider loggers = SdkLoggerProvider.builder().setResource(resource)
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(OtlpHttpLogRecordExporter.builder()
                        .setEndpoint("http://127.0.0.1:" + http + "/v1/logs").build()))
                .build();
        loggers.get("test").logRecordBuilder().setBody("hello from mastodon").emit();
        loggers.forceFlush().join(5, TimeUnit.SECONDS);

        for (Path file : List.of(frontFile, backFile)) {
            List<JsonNode> docs = awaitDocs(file, 5);
            List<JsonNode> spans = new ArrayList<>();
            JsonNode spanResource = null;
            JsonNode metric = null;
            JsonNode metricResource = null;
            JsonNode log = null;
            for (JsonNode d : docs) {
                for (JsonNode rs : d.path("resourceSpans")) {
                    spanResource = rs.path("resource");
                    rs.path("scopeSpans").forEach(ss -> ss.path("spans").forEach(spans::add));
                }
                for (JsonNode rm : d.path("resourceMetrics")) {
                    metricResource = rm.path("resource");
                    metric = rm.path("scopeMetrics").path(0).path("metrics").path(0);
                }
                for (JsonNode rl : d.path("resourceLogs")) {
                    log = rl.path("scopeLogs").path(0).path("logRecords").path(0);
                }
            }
            assertThat(spans).as(file.toString()).hasSize(4); // two spans, each sent over gRPC and HTTP
            assertThat(attr(spanResource, "property")).isEqualTo("mastodon.social");
            assertThat(attr(spanResource, "deployment.environment.name")).isEqualTo("production");
            assertThat(attr(spanResource, "git.commit.sha")).isEqualTo("abc123");
            assertThat(attr(spanResource, "k8s.node.name")).isEqualTo("node-k8s-1");
            for (JsonNode s : spans) {
                if (s.path("name").asText().equals("GET /api/v1/timelines")) {
                    assertThat(attr(s, "resource.name")).isEqualTo("show");
                } else {
                    assertThat(attr(s, "resource.name")).isEqualTo("PushJob");
                }
            }
            assertThat(metric.path("name").asText()).isEqualTo("requests");
            assertThat(attr(metricResource, "seen.by")).isEqualTo("transform");
            assertThat(log.path("body").path("stringValue").asText()).isEqualTo("hello from mastodon");
            assertThat(attr(log, "seen.by")).isEqualTo("transform");
        }
        tracers.close();
        meters.close();
        loggers.close();
    }

    private static String attr(JsonNode holder, String key) {
        for (JsonNode a : holder.path("attributes")) {
            if (a.path("key").asText().equals(key)) {
                return a.path("value").path("stringValue").asText();
            }
        }
        return null;
    }

    /** Waits until the file holds span, metric and log documents (at most 30 s: a busy machine is slow). */
    private static List<JsonNode> awaitDocs(Path file, int spansAndMore) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<JsonNode> docs = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            docs.clear();
            int spans = 0;
            boolean metrics = false;
            boolean logs = false;
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode d = JSON.readTree(line);
                    docs.add(d);
                    for (JsonNode rs : d.path("resourceSpans")) {
                        for (JsonNode ss : rs.path("scopeSpans")) {
                            spans += ss.path("spans").size();
                        }
                    }
                    metrics |= d.has("resourceMetrics");
                    logs |= d.has("resourceLogs");
                }
            }
            if (spans >= 4 && metrics && logs) {
                return docs;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for telemetry in " + file + ": " + docs);
    }
}
