package io.ottl4j.collector.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ottl4j.collector.testing.Harness;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 fault tests, each against a collector in its own JVM on loopback (bounded in count and time):
 * overload with memory_limiter, and poison records through every processor.
 */
class FaultTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    static String log(String body) {
        return "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\"" + body + "\"}}]}]}]}";
    }

    static HttpResponse<String> post(int port, String json) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/logs")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static int health(ChildCollector c) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.health + "/")).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /**
     * About 10x the memory_limiter's limit sent against a backend that does not answer: the collector refuses
     * with 503 instead of running out of memory, stays up and healthy, and serves fully once the backend is back.
     */
    @Test
    void overloadWithMemoryLimiterIsRefusedNotFatal() throws Exception {
        CountDownLatch backendUp = new CountDownLatch(1);
        AtomicInteger received = new AtomicInteger();
        HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        backend.createContext("/", ex -> {
            try {
                backendUp.await(120, TimeUnit.SECONDS); // stalled until released
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            if (new String(body, StandardCharsets.ISO_8859_1).contains("after-overload")) {
                received.incrementAndGet();
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        backend.setExecutor(Executors.newFixedThreadPool(8));
        backend.start();
        ChildCollector c = ChildCollector.start(dir, """
                extensions:
                  health_check: {endpoint: "127.0.0.1:0"}
                receivers:
                  otlp: {protocols: {http: {endpoint: "127.0.0.1:0"}}}
                processors:
                  memory_limiter: {check_interval: 10ms, limit_mib: 48, spike_limit_mib: 16}
                  batch: {timeout: 50ms}
                exporters:
                  otlp_http:
                    endpoint: "http://127.0.0.1:%d"
                    encoding: json
                    timeout: 120s
                    compression: none
                    retry_on_failure: {enabled: false}
                    sending_queue: {num_consumers: 2, queue_size: 100000}
                service:
                  extensions: [health_check]
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    logs: {receivers: [otlp], processors: [memory_limiter, batch], exporters: [otlp_http]}
                """.formatted(backend.getAddress().getPort()), 96);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            String big = log("x".repeat(512 * 1024)); // 0.5 MiB per request; 1,000 requests = 500 MiB, 10x the limit
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                fs.add(clients.submit(() -> {
                    try {
                        int s = post(c.http, big).statusCode();
                        (s == 200 ? ok : s == 503 ? refused : other).incrementAndGet();
                    } catch (Exception e) {
                        other.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get(5, TimeUnit.MINUTES);
            }
            assertThat(c.alive()).as(c.log(dir)).isTrue();
            assertThat(refused.get()).as("refused with 503 (ok %d, other %d)", ok.get(), other.get()).isPositive();
            assertThat(other.get()).isZero();
            assertThat(health(c)).isEqualTo(200);
            assertThat(c.log(dir)).doesNotContain("OutOfMemoryError");
            // the backend comes back: the queue drains, memory falls, and new data is accepted and delivered
            backendUp.countDown();
            Harness.await(Duration.ofSeconds(120), () -> {
                try {
                    return post(c.http, log("after-overload")).statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            });
            Harness.await(Duration.ofSeconds(60), () -> received.get() > 0);
            assertThat(received.get()).isPositive();
            System.out.printf("overload: %d accepted, %d refused with 503 of 1000 requests of 0.5 MiB (limit 48 MiB, heap 96 MiB)%n",
                    ok.get(), refused.get());
        } finally {
            clients.shutdownNow();
            backendUp.countDown();
            c.close();
            backend.stop(0);
        }
    }

    /** Poison records for each processor: the pipeline keeps delivering the good records after them. */
    @Test
    void poisonRecordsInEveryProcessorDoNotStopThePipeline() throws Exception {
        Path out = dir.resolve("out.jsonl");
        ChildCollector c = ChildCollector.start(dir, """
                extensions:
                  health_check: {endpoint: "127.0.0.1:0"}
                receivers:
                  otlp: {protocols: {http: {endpoint: "127.0.0.1:0"}}}
                processors:
                  memory_limiter: {check_interval: 100ms, limit_percentage: 90, spike_limit_percentage: 10}
                  transform:
                    error_mode: ignore
                    log_statements:
                      - 'set(log.attributes["parsed"], ParseJSON(log.body)) where IsMatch(log.body, "^[\\\\[{]")'
                      - 'set(log.attributes["xml"], ParseXML(log.body)) where IsMatch(log.body, "^<")'
                      - 'merge_maps(log.attributes, ParseKeyValue(log.body), "upsert") where IsMatch(log.body, "=")'
                  filter:
                    error_mode: ignore
                    logs:
                      log_record:
                        - 'Len(ParseJSON(log.body)) > 100000'
                  attributes:
                    actions: [{key: seen, value: "yes", action: insert}]
                  resource:
                    attributes: [{key: host, value: "h", action: upsert}]
                  batch: {timeout: 10ms}
                exporters:
                  file: {path: "%s", flush_interval: 10ms}
                service:
                  extensions: [health_check]
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    logs: {receivers: [otlp], processors: [memory_limiter, transform, filter, attributes, resource, batch], exporters: [file]}
                """.formatted(out), 256);
        try {
            List<String> poisons = List.of("[".repeat(6000) + "]".repeat(6000), "{\\\"a\\\":".repeat(4000) + "1" + "}".repeat(4000),
                    "<a>".repeat(5000), "<".repeat(20000), "a=".repeat(20000), "[".repeat(20000), "\\\\u0000\\\\ud800");
            int i = 0;
            for (String p : poisons) {
                HttpResponse<String> r = post(c.http, log(p));
                assertThat(r.statusCode()).as("poison %d: %s", i, r.body()).isIn(200, 400);
                HttpResponse<String> good = post(c.http, log("good-" + i));
                assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
                i++;
            }
            int last = i - 1;
            Harness.await(Duration.ofSeconds(60), () -> {
                try {
                    return Files.exists(out) && Files.readString(out).contains("good-" + last);
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            String written = Files.readString(out);
            for (int k = 0; k < poisons.size(); k++) {
                assertThat(written).contains("good-" + k);
            }
            assertThat(c.alive()).isTrue();
            assertThat(health(c)).isEqualTo(200);
        } finally {
            c.close();
        }
    }
}
