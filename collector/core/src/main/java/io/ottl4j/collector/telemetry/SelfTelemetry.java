package io.ottl4j.collector.telemetry;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.exporter.prometheus.PrometheusMetricReader;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.pdata.Signal;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The collector's own metrics with upstream's names and attributes (collector-spec §5.2), recorded with the
 * OpenTelemetry Java SDK and served in Prometheus text format by one pull reader per configured
 * {@code service.telemetry.metrics.readers} entry (default {@code localhost:8888}, path {@code /metrics}), and
 * pushed by each {@code periodic} reader ({@link PeriodicReader}).
 * {@code level} gates as upstream's default views: {@code none} records nothing; {@code basic} the receiver,
 * processor and exporter counters and queue gauges; {@code normal} adds the batch processor's metrics.
 */
public final class SelfTelemetry implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SelfTelemetry.class.getName());
    private static final AttributeKey<String> RECEIVER = AttributeKey.stringKey("receiver");
    private static final AttributeKey<String> TRANSPORT = AttributeKey.stringKey("transport");
    private static final AttributeKey<String> EXPORTER = AttributeKey.stringKey("exporter");
    private static final AttributeKey<String> PROCESSOR = AttributeKey.stringKey("processor");
    private static final AttributeKey<String> SIGNAL = AttributeKey.stringKey("otel.signal");
    private static final AttributeKey<String> DATA_TYPE = AttributeKey.stringKey("data_type");
    /** Upstream's bucket boundaries for otelcol_processor_batch_batch_send_size. */
    private static final List<Long> BATCH_SIZE_BUCKETS = List.of(10L, 25L, 50L, 75L, 100L, 250L, 500L, 750L, 1000L, 2000L, 3000L, 4000L,
            5000L, 6000L, 7000L, 8000L, 9000L, 10000L, 20000L, 30000L, 50000L, 100000L);

    /** Why a batch processor sent a batch. */
    public enum Trigger {
        SIZE, TIMEOUT
    }

    private final MetricsLevel level;
    private final SdkMeterProvider provider;
    private final List<HttpServer> servers;
    private final Meter meter;
    private final Map<String, LongCounter> counters = new ConcurrentHashMap<>();
    private final LongHistogram batchSendSize;
    /** Component status reports of this collector's components (read by health_check). */
    private final io.ottl4j.collector.component.StatusBoard status = new io.ottl4j.collector.component.StatusBoard();

    private SelfTelemetry(MetricsLevel level, SdkMeterProvider provider, List<HttpServer> servers) {
        this.level = level;
        this.provider = provider;
        this.servers = servers;
        MeterProvider mp = provider == null ? MeterProvider.noop() : provider;
        this.meter = mp.get("io.ottl4j.collector");
        this.batchSendSize = meter.histogramBuilder("otelcol_processor_batch_batch_send_size").ofLongs().setUnit("{unit}")
                .setDescription("Number of units in the batch").setExplicitBucketBoundariesAdvice(BATCH_SIZE_BUCKETS).build();
    }

    /** No metrics at all (tests, {@code level: none}). */
    public static SelfTelemetry noop() {
        return new SelfTelemetry(MetricsLevel.NONE, null, List.of());
    }

    /** Level {@code normal}, served on {@code host:port} ({@code port 0} picks a free one). */
    public static SelfTelemetry prometheus(String address) throws IOException {
        int colon = address.lastIndexOf(':');
        String host = colon <= 0 ? "localhost" : address.substring(0, colon);
        return create(MetricsLevel.NORMAL, List.of(PrometheusReader.of(host, Integer.parseInt(address.substring(colon + 1)))), Map.of(), "dev");
    }

    /**
     * Starts one Prometheus endpoint per reader. The resource (service.name, service.version, a fresh
     * service.instance.id, then {@code service.telemetry.resource}, where null removes) shows as {@code target_info}.
     */
    public io.ottl4j.collector.component.StatusBoard status() {
        return status;
    }

    public static SelfTelemetry create(MetricsLevel level, List<PrometheusReader> readers, Map<String, String> resource, String version)
            throws IOException {
        return create(level, readers, List.of(), resource, version);
    }

    /** As {@link #create(MetricsLevel, List, Map, String)}, plus push readers (OTLP or console) beside the pull ones. */
    public static SelfTelemetry create(MetricsLevel level, List<PrometheusReader> readers, List<PeriodicReader> periodic,
            Map<String, String> resource, String version) throws IOException {
        if (level == MetricsLevel.NONE || readers.isEmpty() && periodic.isEmpty()) {
            return noop();
        }
        AttributesBuilder rb = Attributes.builder().put("service.name", "ottl4j").put("service.version", version)
                .put("service.instance.id", UUID.randomUUID().toString());
        resource.forEach((k, v) -> {
            if (v == null) {
                rb.remove(AttributeKey.stringKey(k));
            } else {
                rb.put(k, v);
            }
        });
        SdkMeterProviderBuilder pb = SdkMeterProvider.builder().setResource(Resource.create(rb.build()));
        List<HttpServer> servers = new ArrayList<>();
        try {
            for (PeriodicReader r : periodic) {
                pb.registerMetricReader(PeriodicReaders.create(r));
            }
            for (PrometheusReader r : readers) {
                PrometheusMetricReader reader = PrometheusMetricReader.builder().setOtelScopeLabelsEnabled(!r.withoutScopeInfo()).build();
                pb.registerMetricReader(reader);
                HttpServer server = HttpServer.create(new InetSocketAddress(r.host(), r.port()), 8);
                server.createContext("/metrics", exchange -> {
                    try (exchange) {
                        byte[] body = PrometheusText.write(reader.collect(), r).getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                        exchange.sendResponseHeaders(200, body.length);
                        try (OutputStream os = exchange.getResponseBody()) {
                            os.write(body);
                        }
                    }
                });
                server.setExecutor(null); // the server's own dispatcher thread: scrapes are rare and short
                server.start();
                servers.add(server);
            }
        } catch (IOException | RuntimeException e) {
            servers.forEach(s -> s.stop(0));
            throw new IOException("cannot serve self-telemetry metrics: " + e.getMessage(), e);
        }
        return new SelfTelemetry(level, pb.build(), servers);
    }

    public MetricsLevel level() {
        return level;
    }

    /**
     * The collector's meter, for components with metrics of their own (upstream's component telemetry, e.g.
     * {@code otelcol_processor_tail_sampling_*}); a no-op meter when metrics are off.
     */
    public Meter meter() {
        return meter;
    }

    /** The port of the first Prometheus endpoint, or -1. */
    public int port() {
        return servers.isEmpty() ? -1 : servers.get(0).getAddress().getPort();
    }

    /** The ports of every Prometheus endpoint, in reader order. */
    public List<Integer> ports() {
        return servers.stream().map(s -> s.getAddress().getPort()).toList();
    }

    private static String items(Signal s) {
        return switch (s) {
            case TRACES -> "spans";
            case METRICS -> "metric_points";
            case LOGS -> "log_records";
            case PROFILES -> "profiles";
        };
    }

    private static String unit(Signal s) {
        return switch (s) {
            case TRACES -> "{span}";
            case METRICS -> "{datapoint}";
            case LOGS -> "{record}";
            case PROFILES -> "{profile}";
        };
    }

    private static String signalName(Signal s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private LongCounter counter(String name, String unit) {
        return counters.computeIfAbsent(name, n -> meter.counterBuilder(n).setUnit(unit).build());
    }

    /** {@code otelcol_receiver_{accepted,refused,failed}_<items>{receiver, transport}}. */
    public void receiver(ComponentId id, String transport, Signal signal, String outcome, long count) {
        if (count > 0 && level != MetricsLevel.NONE) {
            counter("otelcol_receiver_" + outcome + "_" + items(signal), unit(signal)).add(count,
                    Attributes.of(RECEIVER, id.toString(), TRANSPORT, transport));
        }
    }

    /** {@code otelcol_exporter_{sent,send_failed,enqueue_failed}_<items>{exporter}}. */
    public void exporter(ComponentId id, Signal signal, String outcome, long count) {
        if (count > 0 && level != MetricsLevel.NONE) {
            counter("otelcol_exporter_" + outcome + "_" + items(signal), unit(signal)).add(count, Attributes.of(EXPORTER, id.toString()));
        }
    }

    /** {@code otelcol_processor_{incoming,outgoing}_items{processor, otel.signal}}. */
    public void processor(ComponentId id, Signal signal, String direction, long count) {
        if (count > 0 && level != MetricsLevel.NONE) {
            counter("otelcol_processor_" + direction + "_items", "{item}").add(count,
                    Attributes.of(PROCESSOR, id.toString(), SIGNAL, signalName(signal)));
        }
    }

    /**
     * A batch processor sent {@code items}: {@code otelcol_processor_batch_batch_send_size} and
     * {@code otelcol_processor_batch_{batch_size,timeout}_trigger_send}{processor}; from level normal, as upstream.
     */
    public void batchSent(ComponentId id, Trigger trigger, long items) {
        if (!level.atLeast(MetricsLevel.NORMAL)) {
            return;
        }
        Attributes a = Attributes.of(PROCESSOR, id.toString());
        String name = trigger == Trigger.SIZE ? "otelcol_processor_batch_batch_size_trigger_send" : "otelcol_processor_batch_timeout_trigger_send";
        counter(name, "{time}").add(1, a);
        batchSendSize.record(items, a);
    }

    /**
     * {@code otelcol_exporter_queue_size} and {@code otelcol_exporter_queue_capacity}{exporter, data_type}, read at
     * each scrape. Close the result when the exporter stops.
     */
    public AutoCloseable queue(ComponentId id, Signal signal, LongSupplier size, long capacity) {
        if (level == MetricsLevel.NONE) {
            return () -> {
            };
        }
        Attributes a = Attributes.of(EXPORTER, id.toString(), DATA_TYPE, signalName(signal));
        ObservableLongGauge s = meter.gaugeBuilder("otelcol_exporter_queue_size").ofLongs().setUnit("{batch}")
                .setDescription("Current size of the retry queue (in batches).").buildWithCallback(m -> m.record(size.getAsLong(), a));
        ObservableLongGauge c = meter.gaugeBuilder("otelcol_exporter_queue_capacity").ofLongs().setUnit("{batch}")
                .setDescription("Fixed capacity of the retry queue (in batches).").buildWithCallback(m -> m.record(capacity, a));
        return () -> {
            s.close();
            c.close();
        };
    }

    @Override
    public void close() {
        for (HttpServer s : servers) {
            s.stop(0);
        }
        try {
            if (provider != null) {
                provider.close();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "closing self-telemetry", e);
        }
    }
}
