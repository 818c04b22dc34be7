package io.ottl4j.collector.connector.datadog;

import io.ottl4j.collector.component.ConnectorFactory;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.datadog.mapping.TraceConfig;
import io.ottl4j.collector.datadog.pb.trace.StatsPayload;
import io.ottl4j.collector.datadog.stats.SpanStats;
import io.ottl4j.collector.datadog.stats.StatsMetric;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.function.LongSupplier;
import java.util.logging.Level;

/**
 * Traces → APM stats through {@link SpanStats}; every {@code bucket_interval} the complete buckets are emitted
 * as the stats metric, and at shutdown all of them.
 */
public final class StatsConnector implements ConnectorFactory.Connector {
    private final CreateSettings settings;
    private final Consumer next;
    private final SpanStats stats;

    public StatsConnector(CreateSettings settings, TraceConfig config, Consumer next, LongSupplier clockMillis) {
        this.settings = settings;
        this.next = next;
        this.stats = new SpanStats(config, clockMillis, settings.logger());
    }

    @Override
    public void start(Host host) {
        stats.start("datadog-stats-" + settings.id(), this::emit);
    }

    @Override
    public void shutdown() throws InterruptedException {
        stats.stop();
    }

    @Override
    public void consume(TelemetryBatch<?> batch) {
        stats.add(batch);
    }

    private void emit(StatsPayload p) {
        try {
            next.consume(StatsMetric.toMetrics(p));
        } catch (Exception e) {
            settings.logger().log(Level.WARNING, "failed to send APM stats: " + e.getMessage());
        }
    }

    /** Emits the complete buckets (all with {@code force}); public so tests can flush without waiting. */
    public void flush(boolean force) throws Exception {
        StatsPayload p = stats.flush(force);
        if (p != null) {
            next.consume(StatsMetric.toMetrics(p));
        }
    }
}
