package io.ottl4j.cli.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import com.google.protobuf.ByteString;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbered spans: a sender that posts them as OTLP/HTTP protobuf and retries each request until it is
 * acknowledged (as an SDK's exporter would), and a counter of what a file exporter wrote (by span ID).
 */
final class SpanTraffic {
    private static final ObjectMapper JSON = new ObjectMapper();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong refusedOrFailed = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static ExportTraceServiceRequest request(long first, int count) {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder();
        for (long i = first; i < first + count; i++) {
            byte[] spanId = ByteBuffer.allocate(8).putLong(i + 1).array();
            byte[] traceId = ByteBuffer.allocate(16).putLong(0x0f0f).putLong(i + 1).array();
            scope.addSpans(Span.newBuilder().setTraceId(ByteString.copyFrom(traceId)).setSpanId(ByteString.copyFrom(spanId)).setName("fault-span")
                    .setKind(Span.SpanKind.SPAN_KIND_SERVER).setStartTimeUnixNano(1_700_000_000_000_000_000L + i)
                    .setEndTimeUnixNano(1_700_000_000_000_000_000L + i + 1000));
        }
        Resource res = Resource.newBuilder()
                .addAttributes(KeyValue.newBuilder().setKey("service.name").setValue(AnyValue.newBuilder().setStringValue("fault-test"))).build();
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder().setResource(res).addScopeSpans(scope)).build();
    }

    /** Posts spans [0, total) in requests of {@code perRequest}; each request is retried until a 200 answers it. */
    void send(int port, long total, int perRequest) throws InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/v1/traces");
        for (long first = 0; first < total; first += perRequest) {
            int n = (int) Math.min(perRequest, total - first);
            byte[] body = request(first, n).toByteArray();
            while (true) {
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-protobuf")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        acknowledged.addAndGet(n);
                        break;
                    }
                    refusedOrFailed.incrementAndGet();
                } catch (IOException e) {
                    refusedOrFailed.incrementAndGet();
                }
                Thread.sleep(50);
            }
        }
    }

    /** What a backend's file exporter holds: how often each span ID was written. */
    record Received(long unique, long total, long duplicates) {
    }

    static Received count(Path file) throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        long total = 0;
        if (Files.exists(file)) {
            try (BufferedReader r = Files.newBufferedReader(file)) {
                String line;
                while ((line = r.readLine()) != null) {
                    JsonNode root;
                    try {
                        root = JSON.readTree(line);
                    } catch (IOException e) {
                        continue; // a line being written
                    }
                    for (JsonNode rs : root.path("resourceSpans")) {
                        for (JsonNode ss : rs.path("scopeSpans")) {
                            for (JsonNode sp : ss.path("spans")) {
                                seen.merge(sp.path("spanId").asText(), 1, Integer::sum);
                                total++;
                            }
                        }
                    }
                }
            }
        }
        return new Received(seen.size(), total, total - seen.size());
    }
}
