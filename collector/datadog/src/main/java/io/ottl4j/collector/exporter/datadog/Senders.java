package io.ottl4j.collector.exporter.datadog;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.datadog.mapping.Hosts;
import io.ottl4j.collector.datadog.pb.metrics.SketchPayload;
import io.ottl4j.collector.datadog.pb.trace.StatsPayload;
import io.ottl4j.collector.datadog.stats.StatsMetric;
import io.ottl4j.collector.exporter.internal.ExporterHelper.SendException;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;

/**
 * One attempt at sending a batch of each signal to its intake. A batch becomes a list of requests once, on
 * its first attempt; a retry (the exporter helper retries the whole batch) resumes at the first request not
 * yet accepted, so nothing is sent twice and cumulative → delta conversion sees each point once.
 */
final class Senders {
    /** Gate names: the metrics serializer (protobuf series, default on) and the legacy v1 JSON client. */
    static final String SERIALIZER_GATE = "exporter.datadogexporter.metricexportserializerclient";
    static final String NATIVE_CLIENT_GATE = "exporter.datadogexporter.metricexportnativeclient";

    private final CreateSettings settings;
    private final DatadogConfig config;
    private final Intake intake;
    private final HostMetadata metadata;
    private final LongSupplier clockMillis;
    private final String fallbackHost;
    private final TraceEncoder traces;
    private final MetricsEncoder metrics;
    private final LogsEncoder logs;
    /** Which series body: "proto" (the serializer, default), "v2json" or "v1json" (feature gates, as upstream). */
    private final String seriesFormat;
    /** Batches being retried, by identity (TelemetryBatch keeps Object's equality), with their requests. */
    private final Map<TelemetryBatch<?>, Pending> pending = Collections.synchronizedMap(new WeakHashMap<>());

    record Request(String url, Map<String, String> headers, byte[] body) {
    }

    private static final class Pending {
        final List<Request> requests;
        int next;

        Pending(List<Request> requests) {
            this.requests = requests;
        }
    }

    @FunctionalInterface
    private interface Encoder {
        List<Request> encode(TelemetryBatch<?> batch) throws SendException;
    }

    Senders(CreateSettings settings, DatadogConfig config, Intake intake, HostMetadata metadata, LongSupplier clockMillis) {
        this.settings = settings;
        this.config = config;
        this.intake = intake;
        this.metadata = metadata;
        this.clockMillis = clockMillis;
        this.fallbackHost = config.hostname();
        this.traces = new TraceEncoder(config.traces(), fallbackHost, settings.buildVersion());
        this.metrics = new MetricsEncoder(config.metrics(), fallbackHost, clockMillis.getAsLong() * 1_000_000L);
        this.logs = new LogsEncoder(fallbackHost);
        this.seriesFormat = settings.featureGates().contains(NATIVE_CLIENT_GATE) ? "v1json"
                : settings.featureGates().contains("-" + SERIALIZER_GATE) ? "v2json" : "proto";
    }

    void observe(TelemetryBatch<?> batch) {
        for (ResourceGroup<?> rg : batch.resources()) {
            metadata.observe(rg.resource().attributes());
        }
    }

    void traces(TelemetryBatch<?> batch, Duration timeout) throws SendException {
        send(batch, timeout, this::traceRequests);
    }

    void metrics(TelemetryBatch<?> batch, Duration timeout) throws SendException {
        send(batch, timeout, this::metricRequests);
    }

    void logs(TelemetryBatch<?> batch, Duration timeout) throws SendException {
        send(batch, timeout, this::logRequests);
    }

    private void send(TelemetryBatch<?> batch, Duration timeout, Encoder encoder) throws SendException {
        Pending p = pending.get(batch);
        if (p == null) {
            observe(batch);
            p = new Pending(encoder.encode(batch));
            pending.put(batch, p);
        }
        while (p.next < p.requests.size()) {
            Request r = p.requests.get(p.next);
            intake.post(r.url(), r.headers(), r.body(), timeout);
            p.next++;
        }
        pending.remove(batch);
    }

    private List<Request> traceRequests(TelemetryBatch<?> batch) {
        TraceEncoder.Encoded enc = traces.encode(batch);
        if (enc.skipped() > 0) {
            settings.logger().warning("dropped " + enc.skipped() + " span(s) the Datadog mapping cannot read");
        }
        List<Request> out = new ArrayList<>();
        for (byte[] p : enc.payloads()) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/x-protobuf");
            headers.put("Content-Encoding", "gzip");
            headers.put("X-Datadog-Reported-Languages", enc.languages());
            out.add(new Request(config.traces().endpoint() + "/api/v0.2/traces", headers, Intake.gzip(p, 6)));
        }
        return out;
    }

    private List<Request> metricRequests(TelemetryBatch<?> batch) {
        List<Request> out = new ArrayList<>();
        for (ResourceGroup<?> rg : batch.resources()) {
            for (ScopeGroup<?> sg : rg.scopes()) {
                for (Object item : sg.items()) {
                    try {
                        for (StatsPayload p : StatsMetric.fromMetric((Metric) item)) {
                            out.add(statsRequest(p));
                        }
                    } catch (InvalidProtocolBufferException e) {
                        settings.logger().warning("dropping a malformed " + StatsMetric.NAME + " metric: " + e.getMessage());
                    }
                }
            }
        }
        MetricsEncoder.Encoded enc = metrics.encode(batch, clockMillis.getAsLong() * 1_000_000L);
        if (enc.skipped() > 0) {
            settings.logger().warning("dropped " + enc.skipped() + " metric(s) the Datadog translation cannot read");
        }
        String base = config.metrics().endpoint();
        if (!enc.series().isEmpty()) {
            switch (seriesFormat) {
                case "v1json" -> out.add(new Request(base + "/api/v1/series", Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
                        Intake.gzip(MetricsEncoder.toJsonV1(enc.series()).getBytes(StandardCharsets.UTF_8), 6)));
                case "v2json" -> out.add(new Request(base + "/api/v2/series", Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
                        Intake.gzip(MetricsEncoder.toJsonV2(enc.series()).getBytes(StandardCharsets.UTF_8), 6)));
                default -> out.add(new Request(base + "/api/v2/series", Map.of("Content-Type", "application/x-protobuf", "Content-Encoding", "deflate"),
                        Intake.deflate(MetricsEncoder.toProto(enc.series()).toByteArray())));
            }
        }
        if (!enc.sketches().isEmpty()) {
            byte[] body = Intake.deflate(SketchPayload.newBuilder().addAllSketches(enc.sketches()).build().toByteArray());
            out.add(new Request(base + "/api/beta/sketches", Map.of("Content-Type", "application/x-protobuf", "Content-Encoding", "deflate"), body));
        }
        return out;
    }

    private Request statsRequest(StatsPayload p) {
        StatsPayload full = p.toBuilder().setAgentHostname(fallbackHost.isEmpty() ? Hosts.system() : fallbackHost)
                .setAgentVersion(settings.buildVersion()).setClientComputed(false).build();
        return new Request(config.traces().endpoint() + "/api/v0.2/stats", Map.of("Content-Type", "application/msgpack", "Content-Encoding", "gzip"),
                Intake.gzip(StatsEncoder.encode(full), 6));
    }

    private List<Request> logRequests(TelemetryBatch<?> batch) throws SendException {
        LogsEncoder.Encoded enc;
        try {
            enc = logs.encode(batch);
        } catch (IOException e) {
            throw new SendException("failed to encode logs: " + e.getMessage(), false, null, e);
        }
        if (enc.skipped() > 0) {
            settings.logger().warning("dropped " + enc.skipped() + " log record(s) that could not be written");
        }
        List<byte[]> arrays = enc.arrays();
        List<Request> out = new ArrayList<>();
        for (byte[] a : arrays) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("DD-PROTOCOL", "agent-json");
            headers.put("DD-EVP-ORIGIN", "otel");
            headers.put("dd-current-timestamp", Long.toString(clockMillis.getAsLong()));
            byte[] body = a;
            if (config.logs().useCompression()) {
                body = Intake.gzip(a, config.logs().compressionLevel());
                headers.put("Content-Encoding", "gzip");
            }
            out.add(new Request(config.logs().endpoint() + "/api/v2/logs", headers, body));
        }
        return out;
    }
}
