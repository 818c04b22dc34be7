package io.ottl4j.collector.exporter.datadog;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.datadog.mapping.Hosts;
import io.ottl4j.collector.datadog.pb.metrics.SketchPayload;
import io.ottl4j.collector.datadog.pb.trace.StatsPayload;
import io.ottl4j.collector.datadog.stats.SpanStats;
import io.ottl4j.collector.datadog.stats.StatsMetric;
import io.ottl4j.collector.exporter.internal.ExporterHelper.SendException;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One attempt at sending a batch of each signal to its intake. A batch becomes a list of units (requests, or
 * log items) once, on its first attempt; a retry (the exporter helper retries the whole batch) resumes at the
 * first unit not yet accepted, so nothing is sent twice and cumulative → delta conversion sees each point once.
 *
 * <p>Traces are posted by the consumer itself, or with {@code traces::trace_buffer} &gt; 0 handed to a
 * {@link PayloadWriter} of that many payloads; logs go through the {@link LogsBatcher} ({@code batch_wait})
 * and a writer; with the {@value #NO_APM_STATS_GATE} gate off the exporter computes APM stats itself
 * ({@link SpanStats}) from the spans it exports, skipping those the datadog connector marked.
 */
final class Senders {
    /** Gate names: the metrics serializer (protobuf series, default on) and the legacy v1 JSON client. */
    static final String SERIALIZER_GATE = "exporter.datadogexporter.metricexportserializerclient";
    static final String NATIVE_CLIENT_GATE = "exporter.datadogexporter.metricexportnativeclient";
    /** Upstream's gate (beta, on by default): while on, the exporter computes no APM stats (the connector does). */
    static final String NO_APM_STATS_GATE = "exporter.datadogexporter.DisableAPMStats";
    /** Payloads the logs writer holds besides the open one (the logs agent's pipeline has a few in flight too). */
    static final int LOGS_BUFFER = 8;
    static final int STATS_BUFFER = 16;
    /** Threads sending buffered payloads. */
    static final int SENDERS = 4;

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
    /** traces::trace_buffer payloads; null when 0 (the consumer posts itself). */
    private PayloadWriter traceWriter;
    /** The exporter's own APM stats (gate off, traces instance only) and their writer; null otherwise. */
    private SpanStats apmStats;
    private PayloadWriter statsWriter;
    private PayloadWriter logsWriter;
    private LogsBatcher logsBatcher;
    private ScheduledExecutorService logsTicker;

    /** One payload; {@code items}: the spans, points or records it carries (for drop counts). */
    record Request(String url, Map<String, String> headers, byte[] body, int items) {
        Request(String url, Map<String, String> headers, byte[] body) {
            this(url, headers, body, 0);
        }
    }

    private static final class Pending {
        final List<?> units;
        int next;

        Pending(List<?> units) {
            this.units = units;
        }
    }

    @FunctionalInterface
    private interface Encoder {
        List<?> encode(TelemetryBatch<?> batch) throws SendException;
    }

    /** Takes one unit of a batch (posts it, buffers it); throws when it was not taken. */
    @FunctionalInterface
    private interface Deliverer {
        void deliver(Object unit, Duration timeout) throws SendException;
    }

    /** {@code signal}: the signal of the exporter instance, which decides its writers. */
    Senders(CreateSettings settings, DatadogConfig config, Intake intake, HostMetadata metadata, LongSupplier clockMillis, Signal signal) {
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
        if (signal == Signal.TRACES && config.traces().traceBuffer() > 0) {
            traceWriter = writer("trace", config.traces().traceBuffer(), Signal.TRACES);
        }
        if (signal == Signal.TRACES && settings.featureGates().contains("-" + NO_APM_STATS_GATE)) {
            apmStats = new SpanStats(config.traces(), clockMillis, settings.logger(Signal.TRACES));
            statsWriter = writer("stats", STATS_BUFFER, Signal.TRACES);
        }
        if (signal == Signal.LOGS) {
            logsWriter = writer("logs", LOGS_BUFFER, Signal.LOGS);
            logsBatcher = new LogsBatcher(config.logs(), logsWriter, System::nanoTime, clockMillis);
        }
    }

    private PayloadWriter writer(String what, int capacity, Signal s) {
        return new PayloadWriter(what, capacity, SENDERS, (r, t) -> intake.post(r.url(), r.headers(), r.body(), t), config.helper(),
                settings.logger(s), n -> settings.telemetry().exporter(settings.id(), s, "send_failed", n), "datadog-" + what + "-writer-" + settings.id());
    }

    /** Starts the timers: the exporter's stats buckets and the logs batch_wait ticker. */
    void start() {
        if (apmStats != null) {
            apmStats.start("datadog-exporter-stats-" + settings.id(), this::sendStats);
        }
        if (logsBatcher != null) {
            long tick = Math.max(10, Math.min(250, config.logs().batchWait().toMillis() / 10));
            logsTicker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("datadog-logs-batch-" + settings.id()).unstarted(r));
            logsTicker.scheduleWithFixedDelay(() -> {
                try {
                    logsBatcher.flushIfDue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    settings.logger(Signal.LOGS).warning("logs batching failed: " + e);
                }
            }, tick, tick, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Flushes what the exporter holds (open log batch, open stats buckets) and drains the writers within
     * {@code deadline}; what cannot be sent is logged with counts.
     */
    void close(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        if (logsTicker != null) {
            logsTicker.shutdownNow();
        }
        if (logsBatcher != null && !logsBatcher.flushAll(left(end))) {
            settings.logger(Signal.LOGS).warning("shutdown: " + logsBatcher.pending() + " log record(s) could not be buffered before the deadline and are dropped");
        }
        if (apmStats != null) {
            apmStats.stop();
        }
        for (PayloadWriter w : new PayloadWriter[] {traceWriter, logsWriter, statsWriter}) {
            if (w != null) {
                w.close(left(end));
            }
        }
    }

    private static Duration left(long end) {
        return Duration.ofNanos(Math.max(0, end - System.nanoTime()));
    }

    /** The trace writer (tests). */
    PayloadWriter traceWriter() {
        return traceWriter;
    }

    LogsBatcher logsBatcher() {
        return logsBatcher;
    }

    void observe(TelemetryBatch<?> batch) {
        for (ResourceGroup<?> rg : batch.resources()) {
            metadata.observe(rg.resource().attributes());
        }
    }

    void traces(TelemetryBatch<?> batch, Duration timeout) throws SendException {
        send(batch, timeout, this::traceRequests, traceWriter == null ? this::post : this::buffer);
    }

    void metrics(TelemetryBatch<?> batch, Duration timeout) throws SendException {
        send(batch, timeout, this::metricRequests, this::post);
    }

    void logs(TelemetryBatch<?> batch, Duration timeout) throws SendException {
        send(batch, timeout, this::logItems, this::batchLog);
    }

    private void send(TelemetryBatch<?> batch, Duration timeout, Encoder encoder, Deliverer deliverer) throws SendException {
        Pending p = pending.get(batch);
        if (p == null) {
            observe(batch);
            p = new Pending(encoder.encode(batch));
            pending.put(batch, p);
        }
        while (p.next < p.units.size()) {
            deliverer.deliver(p.units.get(p.next), timeout);
            p.next++;
        }
        pending.remove(batch);
    }

    private void post(Object unit, Duration timeout) throws SendException {
        Request r = (Request) unit;
        intake.post(r.url(), r.headers(), r.body(), timeout);
    }

    /** trace_buffer: waits up to the request timeout for room; a buffer that stays full is a retryable refusal. */
    private void buffer(Object unit, Duration timeout) throws SendException {
        try {
            if (!traceWriter.offer((Request) unit, timeout)) {
                throw new SendException("trace buffer full: " + traceWriter.capacity() + " payloads (traces::trace_buffer) wait to be sent", true, null,
                        null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendException("interrupted", false, null, e);
        }
    }

    private void batchLog(Object unit, Duration timeout) throws SendException {
        try {
            if (!logsBatcher.add((byte[]) unit) && !(logsBatcher.handOff(timeout) && logsBatcher.add((byte[]) unit))) {
                throw new SendException("logs buffer full: " + logsWriter.capacity() + " payloads wait to be sent", true, null, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendException("interrupted", false, null, e);
        }
    }

    private void sendStats(StatsPayload p) {
        try {
            if (!statsWriter.offer(statsRequest(p), config.helper().timeout())) {
                settings.logger(Signal.TRACES).warning("dropping APM stats: the stats buffer is full");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Request> traceRequests(TelemetryBatch<?> batch) {
        if (apmStats != null) {
            apmStats.add(batch);
        }
        TraceEncoder.Encoded enc = traces.encode(batch);
        if (enc.skipped() > 0) {
            settings.logger().warning("dropped " + enc.skipped() + " span(s) the Datadog mapping cannot read");
        }
        List<Request> out = new ArrayList<>();
        for (int i = 0; i < enc.payloads().size(); i++) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/x-protobuf");
            headers.put("Content-Encoding", "gzip");
            headers.put("X-Datadog-Reported-Languages", enc.languages());
            out.add(new Request(config.traces().endpoint() + "/api/v0.2/traces", headers, Intake.gzip(enc.payloads().get(i), 6), enc.spans()[i]));
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

    private List<byte[]> logItems(TelemetryBatch<?> batch) throws SendException {
        LogsEncoder.Encoded enc;
        try {
            enc = logs.encode(batch);
        } catch (IOException e) {
            throw new SendException("failed to encode logs: " + e.getMessage(), false, null, e);
        }
        if (enc.skipped() > 0) {
            settings.logger().warning("dropped " + enc.skipped() + " log record(s) that could not be written");
        }
        return enc.items();
    }
}
