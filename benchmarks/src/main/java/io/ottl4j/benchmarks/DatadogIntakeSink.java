package io.ottl4j.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ottl4j.collector.datadog.pb.trace.AgentPayload;
import io.ottl4j.collector.datadog.pb.trace.TraceChunk;
import io.ottl4j.collector.datadog.pb.trace.TracerPayload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * The Datadog intake for {@code CollectorLoad run ... datadog}: 127.0.0.1, an ephemeral port; trace payloads are
 * gunzipped and parsed (spans counted), stats payloads gunzipped, key validation answered, everything else
 * accepted. It runs in the load generator's process, so its cost is not the collector's.
 */
final class DatadogIntakeSink implements AutoCloseable {
    static final String KEY = "0123456789abcdef0123456789abcdef";
    /** The seed config, beside the launcher (the repository's {@code ottl}). */
    static final String SEED = "collector/core/src/test/resources/fixtures/mastodon-collector.yaml";

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> Thread.ofPlatform().daemon().name("dd-intake").unstarted(r));
    private final AtomicLong spans = new AtomicLong();
    private final AtomicLong tracePayloads = new AtomicLong();
    private final AtomicLong statsPayloads = new AtomicLong();
    private final AtomicLong other = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    private DatadogIntakeSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    static DatadogIntakeSink start() throws IOException {
        return new DatadogIntakeSink();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * {@code ottl collector} on the seed config as it is, with only what a machine without Kubernetes needs
     * changed: loopback receiver ports, the Datadog endpoints at this intake, {@code k8sattributes} in passthrough
     * (no API to ask), {@code tail_sampling} deciding after 2 s over up to 200k traces (30 s by default: at full
     * speed that would hold millions of spans), no self-metrics listener.
     */
    static ProcessBuilder seedCollector(String launcher, int grpcPort, String intake) {
        Path seed = Path.of(launcher).toAbsolutePath().getParent().resolve(SEED);
        if (!Files.exists(seed)) {
            throw new IllegalStateException(seed + " not found: the launcher must be the repository's ottl");
        }
        ProcessBuilder pb = new ProcessBuilder(launcher, "collector", "--config", seed.toString(),
                "--set", "receivers.otlp.protocols.grpc.endpoint=127.0.0.1:" + grpcPort,
                "--set", "receivers.otlp.protocols.http.endpoint=127.0.0.1:0",
                "--set", "exporters.datadog.metrics.endpoint=" + intake,
                "--set", "exporters.datadog.traces.endpoint=" + intake,
                "--set", "exporters.datadog.logs.endpoint=" + intake,
                "--set", "processors.k8sattributes.passthrough=true",
                "--set", "processors.tail_sampling.decision_wait=2s",
                "--set", "processors.tail_sampling.num_traces=200000",
                "--set", "service.telemetry.metrics.level=none");
        pb.environment().put("DD_API_KEY", KEY);
        pb.environment().put("DD_SITE", "datadoghq.com");
        return pb;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] raw = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            try {
                switch (path) {
                    case "/api/v0.2/traces" -> {
                        AgentPayload p = AgentPayload.parseFrom(gunzip(raw));
                        for (TracerPayload t : p.getTracerPayloadsList()) {
                            for (TraceChunk c : t.getChunksList()) {
                                spans.addAndGet(c.getSpansCount());
                            }
                        }
                        tracePayloads.incrementAndGet();
                    }
                    case "/api/v0.2/stats" -> {
                        gunzip(raw);
                        statsPayloads.incrementAndGet();
                    }
                    default -> other.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                errors.incrementAndGet();
            }
            byte[] ok = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(path.equals("/api/v1/validate") ? 200 : 202, ok.length);
            ex.getResponseBody().write(ok);
        }
    }

    private static byte[] gunzip(byte[] b) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return in.readAllBytes();
        }
    }

    long spans() {
        return spans.get();
    }

    long tracePayloads() {
        return tracePayloads.get();
    }

    long statsPayloads() {
        return statsPayloads.get();
    }

    long otherRequests() {
        return other.get();
    }

    long errors() {
        return errors.get();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
