package io.ottl4j.collector.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.prometheus.PrometheusHttpServer;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.pdata.Signal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The collector's own metrics, with the upstream names ({@code otelcol_receiver_accepted_spans},
 * {@code otelcol_exporter_sent_spans}, ...), recorded with the OpenTelemetry Java SDK and served by its
 * Prometheus exporter ({@code service.telemetry.metrics}, default {@code localhost:8888}).
 */
public final class SelfTelemetry implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SelfTelemetry.class.getName());
    private static final AttributeKey<String> RECEIVER = AttributeKey.stringKey("receiver");
    private static final AttributeKey<String> TRANSPORT = AttributeKey.stringKey("transport");
    private static final AttributeKey<String> EXPORTER = AttributeKey.stringKey("exporter");
    private static final AttributeKey<String> PROCESSOR = AttributeKey.stringKey("processor");
    private static final AttributeKey<String> SIGNAL = AttributeKey.stringKey("otel.signal");

    private final SdkMeterProvider provider;
    private final PrometheusHttpServer server;
    private final Meter meter;
    private final Map<String, LongCounter> counters = new ConcurrentHashMap<>();

    private final int port;

    private SelfTelemetry(SdkMeterProvider provider, PrometheusHttpServer server, int port) {
        this.port = port;
        this.provider = provider;
        this.server = server;
        MeterProvider mp = provider == null ? MeterProvider.noop() : provider;
        this.meter = mp.get("io.ottl4j.collector");
    }

    /** No metrics at all (tests, {@code level: none}). */
    public static SelfTelemetry noop() {
        return new SelfTelemetry(null, null, -1);
    }

    /** Metrics served on {@code host:port} ({@code port 0} picks a free one). */
    public static SelfTelemetry prometheus(String address) {
        int colon = address.lastIndexOf(':');
        String host = colon <= 0 ? "localhost" : address.substring(0, colon);
        int port = Integer.parseInt(address.substring(colon + 1));
        PrometheusHttpServer server = PrometheusHttpServer.builder().setHost(host).setPort(port).build();
        SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(server).build();
        return new SelfTelemetry(provider, server, port);
    }

    /** The port the Prometheus endpoint listens on, or -1. */
    public int port() {
        return port;
    }

    private static String items(Signal s) {
        return switch (s) {
            case TRACES -> "spans";
            case METRICS -> "metric_points";
            case LOGS -> "log_records";
            default -> "items";
        };
    }

    private LongCounter counter(String name) {
        return counters.computeIfAbsent(name, n -> meter.counterBuilder(n).setUnit("{" + n.substring(n.lastIndexOf('_') + 1) + "}").build());
    }

    /** {@code otelcol_receiver_{accepted,refused,failed}_<items>{receiver, transport}}. */
    public void receiver(ComponentId id, String transport, Signal signal, String outcome, long count) {
        if (count > 0) {
            counter("otelcol_receiver_" + outcome + "_" + items(signal)).add(count,
                    Attributes.of(RECEIVER, id.toString(), TRANSPORT, transport));
        }
    }

    /** {@code otelcol_exporter_{sent,send_failed,enqueue_failed}_<items>{exporter}}. */
    public void exporter(ComponentId id, Signal signal, String outcome, long count) {
        if (count > 0) {
            counter("otelcol_exporter_" + outcome + "_" + items(signal)).add(count, Attributes.of(EXPORTER, id.toString()));
        }
    }

    /** {@code otelcol_processor_{incoming,outgoing}_items{processor, otel.signal}}. */
    public void processor(ComponentId id, Signal signal, String direction, long count) {
        if (count > 0) {
            counter("otelcol_processor_" + direction + "_items").add(count,
                    Attributes.of(PROCESSOR, id.toString(), SIGNAL, signal.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    @Override
    public void close() {
        try {
            if (provider != null) {
                provider.close();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "closing self-telemetry", e);
        }
    }
}
