package io.ottl4j.collector.exporter.otlphttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ottl4j.collector.component.ConsumerException;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.collector.testing.Payloads;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The otlp_http exporter against a real JDK HTTP server on loopback that answers as each test scripts it. */
class OtlpHttpExporterTest {
    /** What the server got. */
    record Request(String method, String path, java.util.Map<String, List<String>> headers, byte[] body, long nanos) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The body decoded with each format's own library (independent of the exporter's encoders). */
        byte[] decoded() throws IOException {
            String encoding = header("Content-Encoding");
            java.io.InputStream raw = new java.io.ByteArrayInputStream(body);
            if (encoding == null) {
                return body;
            }
            java.io.InputStream in = switch (encoding) {
                case "gzip" -> new GZIPInputStream(raw);
                case "zlib", "deflate" -> new java.util.zip.InflaterInputStream(raw);
                case "zstd" -> new com.github.luben.zstd.ZstdInputStream(raw);
                case "x-snappy-framed" -> new org.xerial.snappy.SnappyFramedInputStream(raw);
                case "lz4" -> new net.jpountz.lz4.LZ4FrameInputStream(raw);
                case "snappy" -> new java.io.ByteArrayInputStream(org.xerial.snappy.Snappy.uncompress(body));
                default -> throw new IOException("unexpected Content-Encoding " + encoding);
            };
            try (in) {
                return in.readAllBytes();
            }
        }
    }

    /** One scripted answer. */
    record Answer(int status, String contentType, byte[] body, String retryAfter, long delayMillis) {
        static Answer ok() {
            return new Answer(200, null, new byte[0], null, 0);
        }

        static Answer status(int s) {
            return new Answer(s, "text/plain", ("status " + s).getBytes(), null, 0);
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch hold;
    private HttpServer server;
    private ExporterFactory.Exporter exporter;
    private final OtlpHttpExporterFactory factory = new OtlpHttpExporterFactory();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            warnings.add(r.getLevel() + " " + r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        Logger.getLogger("io.ottl4j.collector.exporter").addHandler(capture);
    }

    @AfterEach
    void stop() throws Exception {
        Logger.getLogger("io.ottl4j.collector.exporter").removeHandler(capture);
        CountDownLatch h = hold;
        if (h != null) {
            h.countDown();
        }
        if (exporter != null) {
            exporter.shutdown();
        }
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestHeaders(), body, System.nanoTime()));
            CountDownLatch h = hold;
            if (h != null) {
                try {
                    h.await(60, TimeUnit.SECONDS); // released by the test (or its clean-up)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Answer a;
            synchronized (script) {
                a = script.isEmpty() ? Answer.ok() : script.poll();
            }
            if (a.delayMillis() > 0) {
                try {
                    Thread.sleep(a.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (a.contentType() != null) {
                ex.getResponseHeaders().set("Content-Type", a.contentType());
            }
            if (a.retryAfter() != null) {
                ex.getResponseHeaders().set("Retry-After", a.retryAfter());
            }
            ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            if (a.body().length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(a.body());
                }
            }
        }
    }

    private void answer(Answer... answers) {
        synchronized (script) {
            script.addAll(List.of(answers));
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private ExporterFactory.Exporter exporter(String yaml, Signal signal) throws Exception {
        CreateSettings cs = TestComponents.settings(Kind.EXPORTER, "otlp_http");
        exporter = factory.create(cs, TestComponents.decode(factory, yaml), signal);
        exporter.start(null);
        return exporter;
    }

    private static final String NO_QUEUE = "sending_queue: {enabled: false}\n";

    @Test
    void sendsEachSignalToItsPathAsGzippedProtobufWithHeaders() throws Exception {
        String yaml = "endpoint: " + base() + "/base/\nheaders: {x-tenant: acme, authorization: Bearer t}\n" + NO_QUEUE;
        exporter(yaml, Signal.TRACES).consume(Data.traces("a", "b"));
        exporter.shutdown();
        exporter(yaml, Signal.METRICS).consume(Payloads.gauges(3, "g"));
        exporter.shutdown();
        exporter(yaml, Signal.LOGS).consume(Payloads.logs("svc", "INFO", "WARN"));

        assertThat(requests).extracting(Request::path).containsExactly("/base/v1/traces", "/base/v1/metrics", "/base/v1/logs");
        Request t = requests.get(0);
        assertThat(t.method()).isEqualTo("POST");
        assertThat(t.header("Content-Type")).isEqualTo("application/x-protobuf");
        assertThat(t.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(t.header("x-tenant")).isEqualTo("acme");
        assertThat(t.header("authorization")).isEqualTo("Bearer t");
        assertThat(t.header("User-Agent")).startsWith("ottl4j-collector/");
        assertThat(Data.spanNames(OtlpProto.decode(Signal.TRACES, t.decoded()))).containsExactly("a", "b");
        assertThat(OtlpProto.decode(Signal.METRICS, requests.get(1).decoded()).asMetrics().resources()).isNotEmpty();
        assertThat(OtlpProto.decode(Signal.LOGS, requests.get(2).decoded()).asLogs().resources().get(0).scopes().get(0).items()).hasSize(2);
    }

    @Test
    void jsonEncodingWithoutCompressionAndSignalEndpointOverride() throws Exception {
        exporter("endpoint: " + base() + "\ntraces_endpoint: " + base() + "/custom/spans\nencoding: json\ncompression: none\n" + NO_QUEUE,
                Signal.TRACES).consume(Data.traces("j"));
        Request r = requests.get(0);
        assertThat(r.path()).isEqualTo("/custom/spans");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("Content-Encoding")).isNull();
        assertThat(new String(r.body())).contains("\"resourceSpans\"");
        assertThat(Data.spanNames(OtlpJson.read(r.body(), Signal.TRACES))).containsExactly("j");
    }

    @Test
    void perSignalEndpointsAloneAreEnoughAndASignalWithoutOneFailsAtCreation() throws Exception {
        String yaml = "traces_endpoint: " + base() + "/only/traces\n" + NO_QUEUE;
        exporter(yaml, Signal.TRACES).consume(Data.traces("t"));
        assertThat(requests.get(0).path()).isEqualTo("/only/traces");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> factory.create(TestComponents.settings(Kind.EXPORTER, "otlp_http"), TestComponents.decode(factory, yaml), Signal.METRICS))
                .hasMessage("no endpoint for metrics: set endpoint or metrics_endpoint");
        assertThat(TestComponents.problems(factory, NO_QUEUE)).singleElement().asString().contains("at least one endpoint must be specified");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"gzip", "zlib", "deflate", "zstd", "snappy", "x-snappy-framed", "lz4"})
    void everyCompressionTypeOfUpstreamIsSentUnderItsOwnName(String type) throws Exception {
        String params = type.equals("zstd") || type.equals("gzip") ? "compression_params: {level: " + (type.equals("zstd") ? 3 : 9) + "}\n" : "";
        exporter("endpoint: " + base() + "\ncompression: " + type + "\n" + params + NO_QUEUE, Signal.TRACES).consume(Data.traces("c1", "c2"));
        Request r = requests.get(0);
        assertThat(r.header("Content-Encoding")).isEqualTo(type);
        assertThat(Data.spanNames(OtlpProto.decode(Signal.TRACES, r.decoded()))).containsExactly("c1", "c2");
    }

    @Test
    void headersMayBeUpstreamsMapStyleListOfNamesAndValues() throws Exception {
        exporter("endpoint: " + base() + "\nheaders: [{name: x-tenant, value: acme}, {name: x-other, value: \"2\"}]\n" + NO_QUEUE, Signal.TRACES)
                .consume(Data.traces("h"));
        assertThat(requests.get(0).header("x-tenant")).isEqualTo("acme");
        assertThat(requests.get(0).header("x-other")).isEqualTo("2");
        assertThat(TestComponents.problems(factory, "endpoint: http://h\nheaders: [{name: a, value: b}, {name: a, value: c}]\n")).singleElement()
                .asString().contains("duplicate keys in map-style list: [a]");
    }

    @Test
    void cookiesEnabledSendsBackWhatTheServerSet() throws Exception {
        List<String> cookies = new CopyOnWriteArrayList<>();
        HttpServer jar = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        jar.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                cookies.add(String.valueOf(ex.getRequestHeaders().getFirst("Cookie")));
                ex.getResponseHeaders().add("Set-Cookie", "session=abc; Path=/");
                ex.sendResponseHeaders(200, -1);
            }
        });
        jar.start();
        try {
            String url = "http://127.0.0.1:" + jar.getAddress().getPort();
            ExporterFactory.Exporter e = exporter("endpoint: " + url + "\ncookies: {enabled: true}\nforce_attempt_http2: false\n" + NO_QUEUE, Signal.TRACES);
            e.consume(Data.traces("one"));
            e.consume(Data.traces("two"));
            e.shutdown();
            ExporterFactory.Exporter plain = exporter("endpoint: " + url + "\n" + NO_QUEUE, Signal.TRACES);
            plain.consume(Data.traces("three"));
            plain.consume(Data.traces("four"));
            // with a jar the second request carries the cookie; without one (the default) none does
            assertThat(cookies).containsExactly("null", "session=abc", "null", "null");
        } finally {
            jar.stop(0);
        }
    }

    @Test
    void compressionTypesAndLevelsAreCheckedAsUpstream() {
        assertThat(TestComponents.problems(factory, "endpoint: http://h\ncompression: brotli\n")).singleElement().asString()
                .contains("unsupported compression type \"brotli\"");
        assertThat(TestComponents.problems(factory, "endpoint: http://h\ncompression: gzip\ncompression_params: {level: 12}\n")).singleElement()
                .asString().contains("unsupported parameters {Level:12} for compression type \"gzip\"");
        assertThat(TestComponents.problems(factory, "endpoint: http://h\ncompression: snappy\ncompression_params: {level: 1}\n")).singleElement()
                .asString().contains("unsupported parameters {Level:1} for compression type \"snappy\"");
        assertThat(TestComponents.problems(factory, "endpoint: http://h\ncompression: zstd\ncompression_params: {level: 3}\n")).isEmpty();
        assertThat(TestComponents.problems(factory, "endpoint: http://h\ncompression: zlib\ncompression_params: {level: -2}\n")).isEmpty();
    }

    @Test
    void aPlaceholderEndpointIsAcceptedWithAWarningAndEverySendFailsForGood() throws Exception {
        // upstream only url.Parses the endpoints: sample configs ship "CHANGEME" and validate; their exports then fail
        ExporterFactory.Exporter e = exporter("metrics_endpoint: CHANGEME\n" + NO_QUEUE, Signal.METRICS);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("metrics_endpoint").contains("\"CHANGEME\" is not an http:// or https:// URL"));
        assertThatThrownBy(() -> e.consume(Payloads.gauges(1, "g"))).isInstanceOf(ConsumerException.class)
                .hasMessageContaining("unsupported protocol scheme")
                .satisfies(t -> assertThat(((ConsumerException) t).permanent()).isTrue());
        assertThat(requests).isEmpty();
        assertThat(TestComponents.problems(factory, "endpoint: \"http://[::1\"\n")).singleElement().asString()
                .contains("endpoint must be a valid URL");
    }

    @Test
    void retriesRetryableStatusesHonouringRetryAfter() throws Exception {
        answer(new Answer(429, "text/plain", "slow down".getBytes(), "1", 0), Answer.status(502), Answer.status(503), Answer.status(504));
        // back-off would be 5s; tiny intervals so only Retry-After can explain a 1s gap
        exporter("endpoint: " + base() + "\n" + NO_QUEUE + "retry_on_failure: {initial_interval: 10ms, max_interval: 20ms}\n", Signal.TRACES)
                .consume(Data.traces("r"));
        assertThat(requests).hasSize(5);
        long gapAfter429 = requests.get(1).nanos() - requests.get(0).nanos();
        assertThat(Duration.ofNanos(gapAfter429)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        // the retries after 502/503 wait their back-off again (as logged), not Retry-After: no timing upper bound
        assertThat(warnings).anyMatch(w -> w.contains("HTTP Status Code 429") && w.contains("interval=1000ms"));
        assertThat(warnings).filteredOn(w -> w.contains("HTTP Status Code 50")).hasSize(3)
                .allSatisfy(w -> assertThat(w).containsPattern("interval=[0-3]?[0-9]ms"));
    }

    @Test
    void permanentErrorIsNotRetried() throws Exception {
        answer(Answer.status(400));
        ExporterFactory.Exporter e = exporter("endpoint: " + base() + "\n" + NO_QUEUE + "retry_on_failure: {initial_interval: 10ms}\n", Signal.TRACES);
        assertThatThrownBy(() -> e.consume(Data.traces("p"))).isInstanceOf(ConsumerException.class).hasMessageContaining("400")
                .satisfies(t -> assertThat(((ConsumerException) t).permanent()).isTrue());
        assertThat(requests).hasSize(1); // consume returned with the error: no retry can follow (no queue)
    }

    @Test
    void retriesStopAtMaxElapsedTime() throws Exception {
        for (int i = 0; i < 100; i++) {
            answer(Answer.status(503));
        }
        ExporterFactory.Exporter e = exporter("endpoint: " + base() + "\n" + NO_QUEUE
                + "retry_on_failure: {initial_interval: 20ms, max_interval: 20ms, randomization_factor: 0, max_elapsed_time: 300ms}\n", Signal.TRACES);
        assertThatThrownBy(() -> e.consume(Data.traces("m"))).isInstanceOf(ConsumerException.class).hasMessageContaining("503");
        // 300 ms of 20 ms waits: at most ~16 attempts (fewer on a busy machine, never more)
        assertThat(requests.size()).isBetween(1, 20);
    }

    @Test
    void timeoutAbortsASlowAttempt() throws Exception {
        answer(new Answer(200, null, new byte[0], null, 20_000));
        ExporterFactory.Exporter e = exporter("endpoint: " + base() + "\n" + NO_QUEUE + "timeout: 200ms\nretry_on_failure: {enabled: false}\n",
                Signal.TRACES);
        // the server answers after 20 s: only the 200 ms timeout can end the attempt with an error
        assertThatThrownBy(() -> e.consume(Data.traces("t"))).isInstanceOf(ConsumerException.class)
                .satisfies(t -> assertThat(((ConsumerException) t).permanent()).isFalse());
    }

    @Test
    void partialSuccessIsLoggedNotRetried() throws Exception {
        byte[] partial = io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse.newBuilder()
                .setPartialSuccess(io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess.newBuilder().setRejectedSpans(2)
                        .setErrorMessage("2 spans too old"))
                .build().toByteArray();
        answer(new Answer(200, "application/x-protobuf", partial, null, 0),
                new Answer(200, "application/json", "{\"partialSuccess\":{\"rejectedLogRecords\":\"1\",\"errorMessage\":\"bad\"}}".getBytes(), null, 0));
        exporter("endpoint: " + base() + "\n" + NO_QUEUE, Signal.TRACES).consume(Data.traces("a", "b", "c"));
        exporter.shutdown();
        exporter("endpoint: " + base() + "\nencoding: json\n" + NO_QUEUE, Signal.LOGS).consume(Payloads.logs("svc", "INFO"));
        assertThat(requests).hasSize(2);
        assertThat(warnings).anyMatch(w -> w.startsWith("WARNING Partial success response") && w.contains("2 spans too old")
                && w.contains("dropped_spans=2"));
        assertThat(warnings).anyMatch(w -> w.contains("Partial success") && w.contains("dropped_log_records=1"));
    }

    @Test
    void unparseableSuccessBodyIsAPermanentError() throws Exception {
        answer(new Answer(200, "application/x-protobuf", new byte[] {(byte) 0xff, (byte) 0xff, 0x01}, null, 0));
        ExporterFactory.Exporter e = exporter("endpoint: " + base() + "\n" + NO_QUEUE, Signal.TRACES);
        assertThatThrownBy(() -> e.consume(Data.traces("x"))).isInstanceOf(ConsumerException.class).hasMessageContaining("parse");
        assertThat(requests).hasSize(1);
    }

    @Test
    void sendingQueueReturnsAtOnceAndRefusesWhenFull() throws Exception {
        hold = new CountDownLatch(1);
        ExporterFactory.Exporter e = exporter("endpoint: " + base() + "\nsending_queue: {num_consumers: 1, queue_size: 2}\n", Signal.TRACES);
        e.consume(Data.traces("1")); // taken by the single consumer, which blocks in the server
        Harness.await(Duration.ofSeconds(5), () -> requests.size() == 1);
        e.consume(Data.traces("2")); // return at once although the server holds the first: the test would hang otherwise
        e.consume(Data.traces("3"));
        assertThatThrownBy(() -> e.consume(Data.traces("4"))).isInstanceOf(ConsumerException.class).hasMessageContaining("sending queue is full")
                .satisfies(t -> assertThat(((ConsumerException) t).permanent()).isFalse());
        hold.countDown();
        hold = null;
        Harness.await(Duration.ofSeconds(5), () -> requests.size() == 3);
        e.shutdown();
        exporter = null;
        List<String> names = new java.util.ArrayList<>();
        for (Request r : requests) {
            names.addAll(Data.spanNames(OtlpProto.decode(Signal.TRACES, r.decoded())));
        }
        assertThat(names).containsExactly("1", "2", "3");
    }

    @Test
    void shutdownDrainsTheQueue() throws Exception {
        // a collector shut down before in this JVM must not leave its (now past) deadline to this exporter
        try (var earlier = io.ottl4j.collector.testing.Harness.start("""
                receivers: {otlp: {protocols: {grpc: {endpoint: "127.0.0.1:0"}}}}
                exporters: {debug: {}}
                service: {pipelines: {traces: {receivers: [otlp], exporters: [debug]}}}
                """)) {
            earlier.collector().shutdown(Duration.ofMillis(1)); // its deadline passes at once
        }
        ExporterFactory.Exporter e = exporter("endpoint: " + base() + "\nsending_queue: {num_consumers: 2, queue_size: 100}\n", Signal.TRACES);
        for (int i = 0; i < 20; i++) {
            e.consume(Data.traces("s" + i));
        }
        e.shutdown();
        exporter = null;
        assertThat(requests).hasSize(20);
    }
}
