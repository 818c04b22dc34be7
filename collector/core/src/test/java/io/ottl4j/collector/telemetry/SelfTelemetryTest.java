package io.ottl4j.collector.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.ottl4j.collector.Builtins;
import io.ottl4j.collector.config.CollectorConfig;
import io.ottl4j.collector.config.ConfigLoader;
import io.ottl4j.collector.receiver.otlp.internal.OtlpReceiver;
import io.ottl4j.collector.service.Collector;
import io.ottl4j.collector.service.Pipelines;
import io.ottl4j.collector.testing.Harness;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Java SDK sends spans over OTLP/HTTP through otlp → batch → otlp_http (to a loopback sink); the collector's
 * Prometheus endpoint is scraped for upstream's metric names and labels.
 */
class SelfTelemetryTest {
    private HttpServer sink;
    private Collector collector;

    @BeforeEach
    void startSink() throws Exception {
        sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        sink.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                ex.sendResponseHeaders(200, -1);
            }
        });
        sink.start();
    }

    @AfterEach
    void stop() {
        if (collector != null) {
            collector.shutdown(Duration.ofSeconds(5));
        }
        sink.stop(0);
    }

    private Collector start(String telemetry) throws Exception {
        Path f = Files.createTempFile("collector", ".yaml");
        Files.writeString(f, """
                receivers:
                  otlp:
                    protocols:
                      http: {endpoint: "127.0.0.1:0"}
                processors:
                  batch: {timeout: 100ms}
                exporters:
                  otlp_http: {endpoint: "http://127.0.0.1:%d", retry_on_failure: {enabled: false}}
                service:
                  telemetry:
                %s
                  pipelines:
                    traces: {receivers: [otlp], processors: [batch], exporters: [otlp_http]}
                """.formatted(sink.getAddress().getPort(), telemetry.indent(4)));
        CollectorConfig cfg = CollectorConfig.from(new ConfigLoader(Map.of()).load(List.of(f.toString()), List.of()), Builtins.components(), Set.of());
        collector = new Collector(cfg, Set.of(), "1.2.3");
        collector.start();
        return collector;
    }

    private int httpPort() {
        for (Pipelines.Node n : collector.pipelines().nodes()) {
            if (n.component() instanceof OtlpReceiver r) {
                return r.httpPort();
            }
        }
        throw new IllegalStateException();
    }

    private void sendSpans(int n) {
        OtlpHttpSpanExporter exp = OtlpHttpSpanExporter.builder().setEndpoint("http://127.0.0.1:" + httpPort() + "/v1/traces").build();
        try (SdkTracerProvider tp = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exp)).build()) {
            for (int i = 0; i < n; i++) {
                Span s = tp.get("test").spanBuilder("op" + i).startSpan();
                s.end();
            }
            tp.forceFlush().join(5, TimeUnit.SECONDS);
        }
    }

    private static String scrape(int port) throws Exception {
        try (HttpClient c = HttpClient.newHttpClient()) {
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
            return r.body();
        }
    }

    private static final String READER = "{pull: {exporter: {prometheus: {host: 127.0.0.1, port: 0}}}}";

    @Test
    void normalLevelExposesUpstreamNamesWithoutSuffixes() throws Exception {
        start("metrics: {level: normal, readers: [" + READER + "]}");
        sendSpans(3);
        int port = collector.telemetry().port();
        Harness.await(Duration.ofSeconds(10), () -> {
            try {
                return scrape(port).contains("otelcol_exporter_sent_spans{exporter=\"otlp_http\"} 3");
            } catch (Exception e) {
                return false;
            }
        });
        String text = scrape(port);
        assertThat(text).contains("# TYPE otelcol_receiver_accepted_spans counter")
                .contains("otelcol_receiver_accepted_spans{receiver=\"otlp\",transport=\"http\"} 3")
                .contains("otelcol_exporter_sent_spans{exporter=\"otlp_http\"} 3")
                .contains("otelcol_processor_incoming_items{otel_signal=\"traces\",processor=\"batch\"} 3")
                .contains("otelcol_processor_outgoing_items{otel_signal=\"traces\",processor=\"batch\"} 3")
                .contains("otelcol_processor_batch_timeout_trigger_send{processor=\"batch\"}")
                .contains("# TYPE otelcol_processor_batch_batch_send_size histogram")
                .contains("otelcol_processor_batch_batch_send_size_bucket{processor=\"batch\",le=\"10\"}")
                .contains("otelcol_processor_batch_batch_send_size_sum{processor=\"batch\"} 3")
                .contains("otelcol_exporter_queue_capacity{data_type=\"traces\",exporter=\"otlp_http\"} 1000")
                .contains("otelcol_exporter_queue_size{data_type=\"traces\",exporter=\"otlp_http\"} 0")
                .contains("target_info{").contains("service_name=\"ottl4j\"").contains("service_version=\"1.2.3\"")
                .doesNotContain("_total").doesNotContain("otel_scope_name");
    }

    @Test
    void basicLevelDropsBatchMetricsAndTypeSuffixCanBeAskedFor() throws Exception {
        start("metrics:\n  level: basic\n  readers: [{pull: {exporter: {prometheus: {host: 127.0.0.1, port: 0, without_type_suffix: false}}}}]");
        sendSpans(2);
        int port = collector.telemetry().port();
        Harness.await(Duration.ofSeconds(10), () -> {
            try {
                return scrape(port).contains("otelcol_exporter_sent_spans_total{exporter=\"otlp_http\"} 2");
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(scrape(port)).contains("otelcol_receiver_accepted_spans_total{receiver=\"otlp\",transport=\"http\"} 2")
                .doesNotContain("otelcol_processor_batch");
    }

    @Test
    void levelNoneServesNothing() throws Exception {
        start("metrics: {level: none}");
        assertThat(collector.telemetry().port()).isEqualTo(-1);
        assertThat(collector.telemetry().level()).isEqualTo(MetricsLevel.NONE);
    }

    @Test
    void componentLogLinesCarryUpstreamFields() throws Exception {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Handler jh = ComponentLogs.handler("warn", "json", json);
        Handler ch = ComponentLogs.handler("debug", "console", console);
        Logger l = Logger.getLogger("io.ottl4j.collector");
        l.addHandler(jh);
        l.addHandler(ch);
        try {
            sink.stop(0); // the exporter's sends now fail: a warning from the exporter's queue consumer
            start("metrics: {level: none}\nlogs: {level: warn, encoding: json}");
            sendSpans(1);
            // both handlers: the record reaches them one after the other on the exporter's thread
            Harness.await(Duration.ofSeconds(60), () -> json.toString().contains("Exporting failed") && console.toString().contains("Exporting failed"));
        } finally {
            l.removeHandler(jh);
            l.removeHandler(ch);
        }
        String line = json.toString().lines().filter(s -> s.contains("Exporting failed")).findFirst().orElseThrow();
        assertThat(line).startsWith("{\"level\":\"warn\",\"ts\":\"").contains("\"otelcol.component.id\":\"otlp_http\"")
                .contains("\"otelcol.component.kind\":\"exporter\"").contains("\"otelcol.signal\":\"traces\"").endsWith("}");
        assertThat(json.toString()).doesNotContain("\"level\":\"info\"");
        String consoleLine = console.toString().lines().filter(s -> s.contains("Exporting failed")).findFirst().orElseThrow();
        assertThat(consoleLine.split("\t")).hasSize(4);
        assertThat(consoleLine.split("\t")[1]).isEqualTo("warn");
        assertThat(consoleLine.split("\t")[3]).isEqualTo(
                "{\"otelcol.component.id\": \"otlp_http\", \"otelcol.component.kind\": \"exporter\", \"otelcol.signal\": \"traces\"}");
        sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1); // for stop()
    }
}
