package io.ottl4j.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.ComponentStatus;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.extension.healthcheck.HealthCheckExtensionFactory;
import io.ottl4j.collector.service.Collector;
import io.ottl4j.collector.testing.Harness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9 defect 1: a 12 KB log of 6,000 '[' and 6,000 ']' parsed by ParseJSON used to overflow the stack,
 * kill the batch worker and wedge every pipeline (or, with transform first, answer "400 failed to read
 * request body: null"). Now the record is handled per error_mode and the collector goes on.
 */
class WedgeTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    static String log(String body) {
        String escaped = body.replace("\\", "\\\\").replace("\"", "\\\"");
        return "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\"" + escaped + "\"}}]}]}]}";
    }

    static HttpResponse<String> post(int port, String json) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/logs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int health(Collector c) throws Exception {
        var hc = (HealthCheckExtensionFactory.HealthCheck) c.extensions().values().stream()
                .filter(e -> e instanceof HealthCheckExtensionFactory.HealthCheck).findFirst().orElseThrow();
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hc.port() + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[batch, transform]", "[transform, batch]"})
    void deeplyNestedJsonDoesNotWedgeTheCollector(String processors) throws Exception {
        Path out = dir.resolve("out.jsonl");
        Collector c = TestCollectors.start("""
                extensions:
                  health_check: {endpoint: "127.0.0.1:0"}
                receivers:
                  otlp: {protocols: {http: {endpoint: "127.0.0.1:0"}}}
                processors:
                  batch: {timeout: 10ms}
                  transform:
                    error_mode: ignore
                    log_statements:
                      - 'set(log.attributes["parsed"], ParseJSON(log.body)) where IsMatch(log.body, "^\\\\[")'
                exporters:
                  file: {path: "%s", flush_interval: 10ms}
                service:
                  extensions: [health_check]
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    logs: {receivers: [otlp], processors: %s, exporters: [file]}
                """.formatted(out, processors));
        try {
            int port = TestCollectors.receiver(c).httpPort();
            HttpResponse<String> deep = post(port, log("[".repeat(6000) + "]".repeat(6000)));
            assertThat(deep.statusCode()).as(deep.body()).isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> ok = post(port, log("after-" + i));
                assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            }
            Harness.await(Duration.ofSeconds(30), () -> {
                try {
                    return Files.exists(out) && Files.readString(out, StandardCharsets.UTF_8).contains("after-2");
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            assertThat(Files.readString(out)).contains("after-0", "after-1", "after-2");
            assertThat(health(c)).isEqualTo(200);
        } finally {
            TestCollectors.stop(c);
        }
    }

    @Test
    void healthCheckAnswers503WhileAComponentReportsAFatalError() throws Exception {
        Collector c = TestCollectors.start("""
                extensions:
                  health_check: {endpoint: "127.0.0.1:0"}
                receivers:
                  otlp: {protocols: {http: {endpoint: "127.0.0.1:0"}}}
                exporters:
                  debug: {}
                service:
                  extensions: [health_check]
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    logs: {receivers: [otlp], exporters: [debug]}
                """);
        try {
            assertThat(health(c)).isEqualTo(200);
            c.telemetry().status().report(Kind.EXPORTER, ComponentId.parse("debug"), ComponentStatus.RECOVERABLE_ERROR, new RuntimeException("x"));
            assertThat(health(c)).isEqualTo(200);
            c.telemetry().status().report(Kind.PROCESSOR, ComponentId.parse("batch"), ComponentStatus.FATAL_ERROR, new OutOfMemoryError("Java heap space"));
            assertThat(health(c)).isEqualTo(503);
            c.telemetry().status().report(Kind.PROCESSOR, ComponentId.parse("batch"), ComponentStatus.OK, null);
            assertThat(health(c)).as("a fatal error sticks until restart").isEqualTo(503);
        } finally {
            TestCollectors.stop(c);
        }
    }
}
