package io.ottl4j.collector.datadog.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ottl4j.collector.datadog.pb.metrics.MetricPayload;
import io.ottl4j.collector.datadog.pb.metrics.SketchPayload;
import io.ottl4j.collector.datadog.pb.trace.AgentPayload;
import io.ottl4j.collector.datadog.pb.trace.StatsPayload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * A stand-in for the Datadog intake on 127.0.0.1 (an ephemeral port): it serves every path the exporter
 * uses and decodes every body by its wire format — AgentPayload protobuf (traces), msgpack StatsPayload
 * (stats), MetricPayload protobuf or v1 JSON (series), SketchPayload protobuf (sketches), JSON arrays (logs)
 * and the host metadata JSON — after undoing gzip or zlib, so tests check content, not bytes. Requests with
 * another API key than the expected one get 403. Use the same URL for every endpoint ({@link #url()}).
 */
public final class FakeIntake implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received: path, headers (lower-case names) and the decoded body. */
    public record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final String apiKey;
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    public final List<AgentPayload> traces = new CopyOnWriteArrayList<>();
    public final List<StatsPayload> stats = new CopyOnWriteArrayList<>();
    public final List<MetricPayload> series = new CopyOnWriteArrayList<>();
    public final List<JsonNode> seriesV1 = new CopyOnWriteArrayList<>();
    /** v2 series sent as JSON (the API client's format) rather than protobuf. */
    public final List<JsonNode> seriesV2Json = new CopyOnWriteArrayList<>();
    public final List<SketchPayload> sketches = new CopyOnWriteArrayList<>();
    public final List<JsonNode> logs = new CopyOnWriteArrayList<>();
    public final List<JsonNode> hostMetadata = new CopyOnWriteArrayList<>();
    /** Decoding failures: a test asserts this stays empty. */
    public final List<String> errors = new CopyOnWriteArrayList<>();
    private volatile int failNext;
    private volatile int failStatus = 503;
    /** While set, data requests wait here before they are answered (a slow or stuck intake). */
    private volatile java.util.concurrent.CountDownLatch gate;
    private final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();

    public FakeIntake(String apiKey) throws IOException {
        this(apiKey, 0);
    }

    public FakeIntake(String apiKey, int port) throws IOException {
        this.apiKey = apiKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> Thread.ofPlatform().daemon().name("fake-intake").unstarted(r)));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code n} data requests (not host metadata) answer {@code status} (to exercise retries). */
    public void failNext(int n, int status) {
        this.failStatus = status;
        this.failNext = n;
    }

    /** Holds every data request (not host metadata or key validation) until {@link #release}. */
    public void hold() {
        gate = new java.util.concurrent.CountDownLatch(1);
    }

    public void release() {
        java.util.concurrent.CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    /** Data requests waiting at the gate now. */
    public int held() {
        return held.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] raw = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            String key = ex.getRequestHeaders().getFirst("DD-API-KEY");
            if (!apiKey.equals(key)) {
                reply(ex, 403, "{\"errors\":[\"Forbidden\"]}");
                return;
            }
            if (path.equals("/api/v1/validate")) {
                requests.add(new Request(ex.getRequestMethod(), path, Map.copyOf(ex.getRequestHeaders()), raw));
                reply(ex, 200, "{\"valid\":true}");
                return;
            }
            java.util.concurrent.CountDownLatch g = gate;
            if (g != null && !path.startsWith("/intake")) {
                held.incrementAndGet();
                try {
                    g.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    held.decrementAndGet();
                }
            }
            if (failNext > 0 && !path.startsWith("/intake")) {
                failNext--;
                reply(ex, failStatus, "{}");
                return;
            }
            byte[] body = decompress(raw, ex.getRequestHeaders().getFirst("Content-Encoding"));
            requests.add(new Request(ex.getRequestMethod(), path, Map.copyOf(ex.getRequestHeaders()), body));
            switch (path) {
                case "/api/v0.2/traces" -> traces.add(AgentPayload.parseFrom(body));
                case "/api/v0.2/stats" -> stats.add(StatsMsgpack.decode(body));
                case "/api/v2/series" -> {
                    // the real intake sniffs: protobuf from the serializer, JSON from API clients
                    if (String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json")) {
                        seriesV2Json.add(JSON.readTree(body));
                    } else {
                        series.add(MetricPayload.parseFrom(body));
                    }
                }
                case "/api/v1/series" -> seriesV1.add(JSON.readTree(body));
                case "/api/beta/sketches" -> sketches.add(SketchPayload.parseFrom(body));
                case "/api/v2/logs" -> JSON.readTree(body).forEach(logs::add);
                case "/intake", "/intake/" -> hostMetadata.add(JSON.readTree(body));
                default -> errors.add("unexpected path " + path);
            }
            reply(ex, 202, "{}");
        } catch (Exception e) {
            errors.add(e.toString());
            try {
                reply(ex, 400, "{}");
            } catch (IOException ignored) {
                // the client went away
            }
        }
    }

    private static byte[] decompress(byte[] raw, String encoding) throws IOException {
        if (encoding == null || encoding.isEmpty() || encoding.equals("identity")) {
            return raw;
        }
        InputStream in = switch (encoding) {
            case "gzip" -> new GZIPInputStream(new ByteArrayInputStream(raw));
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(raw));
            default -> throw new IOException("unsupported Content-Encoding " + encoding);
        };
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    public List<Request> requests(String path) {
        List<Request> out = new ArrayList<>();
        for (Request r : requests) {
            if (r.path().equals(path)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Waits (bounded) for a condition on what arrived. */
    public static void await(Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + max);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Runs the intake by hand ({@code FakeIntake PORT API_KEY}) and prints one line per decoded payload, to
     * watch what a collector would send Datadog (docs/collector.md, "Datadog").
     */
    public static void main(String[] args) throws Exception {
        @SuppressWarnings("resource") // runs until the process is killed
        FakeIntake intake = new FakeIntake(args.length > 1 ? args[1] : "0".repeat(32), args.length > 0 ? Integer.parseInt(args[0]) : 8126);
        System.out.println("fake Datadog intake on " + intake.url());
        int seen = 0;
        while (true) {
            Thread.sleep(500);
            List<Request> all = List.copyOf(intake.requests);
            for (Request r : all.subList(seen, all.size())) {
                System.out.println(r.method() + " " + r.path() + " (" + r.body().length + " bytes decoded)");
            }
            seen = all.size();
            for (String e : intake.errors) {
                System.out.println("decode error: " + e);
            }
            intake.errors.clear();
            System.out.flush();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
