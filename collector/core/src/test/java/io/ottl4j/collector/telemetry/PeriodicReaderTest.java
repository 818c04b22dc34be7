package io.ottl4j.collector.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.Problems;
import io.ottl4j.collector.config.YamlReader;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code readers: [{periodic: ...}]}: the collector's own metrics pushed over OTLP/HTTP by the Java SDK's exporter. */
class PeriodicReaderTest {
    private static PeriodicReader decode(String yaml, Problems problems) throws Exception {
        Conf c = new Conf(YamlReader.read(yaml, "t.yaml"), "periodic", problems);
        PeriodicReader r = PeriodicReader.decode(c);
        c.finish();
        return r;
    }

    @Test
    void pushesOwnMetricsOverOtlpHttpWithHeadersAndTheResource() throws Exception {
        LinkedBlockingQueue<byte[]> bodies = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> tenants = new LinkedBlockingQueue<>();
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        sink.createContext("/v1/metrics", ex -> {
            try (ex) {
                bodies.add(ex.getRequestBody().readAllBytes());
                tenants.add(String.valueOf(ex.getRequestHeaders().getFirst("x-tenant")));
                ex.sendResponseHeaders(200, -1);
            }
        });
        sink.start();
        try {
            Problems problems = new Problems();
            PeriodicReader r = decode("""
                    interval: 50
                    exporter:
                      otlp:
                        protocol: http/protobuf
                        endpoint: http://127.0.0.1:%d
                        headers: [{name: x-tenant, value: acme}]
                        temporality_preference: delta
                    """.formatted(sink.getAddress().getPort()), problems);
            assertThat(problems.list()).isEmpty();
            assertThat(r.url()).endsWith("/v1/metrics");
            try (SelfTelemetry t = SelfTelemetry.create(MetricsLevel.NORMAL, List.of(), List.of(r), Map.of("deployment", "test"), "1.2.3")) {
                t.receiver(ComponentId.parse("otlp"), "http", Signal.TRACES, "accepted", 7);
                boolean found = false;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!found && System.nanoTime() < deadline) {
                    byte[] body = bodies.poll(1, TimeUnit.SECONDS);
                    if (body == null) {
                        continue;
                    }
                    TelemetryBatch<?> b = OtlpProto.decode(Signal.METRICS, body);
                    for (ResourceGroup<?> rg : b.resources()) {
                        for (var sg : rg.scopes()) {
                            for (Object o : sg.items()) {
                                if (((Metric) o).name().equals("otelcol_receiver_accepted_spans")) {
                                    found = true;
                                    assertThat(rg.resource().attributes().get("deployment")).isEqualTo("test");
                                    assertThat(rg.resource().attributes().get("service.version")).isEqualTo("1.2.3");
                                }
                            }
                        }
                    }
                }
                assertThat(found).as("otelcol_receiver_accepted_spans pushed").isTrue();
                assertThat(tenants.peek()).isEqualTo("acme");
            }
        } finally {
            sink.stop(0);
        }
    }

    @Test
    void newerSchemaKeysAndProblems() throws Exception {
        Problems ok = new Problems();
        PeriodicReader g = decode("exporter: {otlp_grpc: {endpoint: \"collector:4317\", insecure: true, compression: gzip}}", ok);
        assertThat(ok.list()).isEmpty();
        assertThat(g.protocol()).isEqualTo("grpc");
        assertThat(g.url()).isEqualTo("http://collector:4317");
        assertThat(decode("exporter: {otlp_http: {endpoint: \"https://h/custom\"}}", ok).url()).isEqualTo("https://h/custom");
        assertThat(decode("exporter: {console: {}}", ok).protocol()).isEqualTo("console");

        Problems bad = new Problems();
        decode("exporter: {otlp: {protocol: http/json}}", bad);
        decode("exporter: {prometheus_push: {}}", bad);
        assertThat(bad.list()).extracting(p -> p.format()).anySatisfy(m -> assertThat(m).contains("OTLP/JSON is not offered"))
                .anySatisfy(m -> assertThat(m).contains("unsupported periodic metric exporter \"prometheus_push\""));
    }
}
