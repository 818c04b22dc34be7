package io.ottl4j.collector.connector.datadog;

import io.ottl4j.collector.component.ConnectorFactory;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.datadog.mapping.DdSpan;
import io.ottl4j.collector.datadog.mapping.Hosts;
import io.ottl4j.collector.datadog.mapping.SpanMapper;
import io.ottl4j.collector.datadog.mapping.TraceConfig;
import io.ottl4j.collector.datadog.pb.trace.StatsPayload;
import io.ottl4j.collector.datadog.stats.Concentrator;
import io.ottl4j.collector.datadog.stats.StatsMetric;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;

/**
 * Traces → APM stats. Spans are mapped (the minimal mapping), grouped into chunks by trace ID for the
 * top-level rule, and fed to a {@link Concentrator}; every {@code bucket_interval} the complete buckets are
 * emitted, and at shutdown all of them.
 */
public final class StatsConnector implements ConnectorFactory.Connector {
    private final CreateSettings settings;
    private final TraceConfig config;
    private final Consumer next;
    private final LongSupplier clockMillis;
    private final SpanMapper mapper;
    private final Concentrator concentrator;
    private ScheduledExecutorService timer;

    public StatsConnector(CreateSettings settings, TraceConfig config, Consumer next, LongSupplier clockMillis) {
        this.settings = settings;
        this.config = config;
        this.next = next;
        this.clockMillis = clockMillis;
        this.mapper = new SpanMapper(config);
        this.concentrator = new Concentrator(config.bucketInterval().toNanos(), config.computeStatsBySpanKind(), config.peerTagKeys(), nowNanos());
    }

    private long nowNanos() {
        return clockMillis.getAsLong() * 1_000_000L;
    }

    @Override
    public void start(Host host) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("datadog-stats-" + settings.id()).unstarted(r));
        long every = config.bucketInterval().toNanos();
        timer.scheduleAtFixedRate(() -> flushQuietly(false), every, every, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() throws InterruptedException {
        if (timer != null) {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }
        flushQuietly(true);
    }

    @Override
    public void consume(TelemetryBatch<?> batch) {
        Map<Long, List<DdSpan>> chunks = new HashMap<>();
        for (ResourceGroup<?> rg : batch.resources()) {
            AttributeMap res = rg.resource().attributes();
            String hostname = Hosts.fromResource(res);
            String containerTags = containerTags(res);
            for (ScopeGroup<?> sg : rg.scopes()) {
                for (Object item : sg.items()) {
                    DdSpan d;
                    try {
                        d = mapper.minimal((Span) item, res, sg.scope());
                    } catch (RuntimeException e) { // one malformed span must not cost the others their stats
                        settings.logger().warning("skipping a span the Datadog mapping cannot read: " + e);
                        continue;
                    }
                    if (config.ignored(d.resource)) {
                        continue;
                    }
                    d.hostname = hostname;
                    d.containerTags = containerTags;
                    chunks.computeIfAbsent(d.traceId, k -> new ArrayList<>()).add(d);
                }
            }
        }
        synchronized (concentrator) {
            for (List<DdSpan> chunk : chunks.values()) {
                mapper.computeTopLevel(chunk);
                for (DdSpan d : chunk) {
                    concentrator.add(d);
                }
            }
        }
    }

    /** resource_attributes_as_container_tags: the listed resource attributes as normalized key:value tags. */
    private String containerTags(AttributeMap res) {
        if (config.containerTags().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String k : config.containerTags()) {
            String v = io.ottl4j.collector.datadog.mapping.Attrs.get(null, res, k);
            if (!v.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : ",").append(io.ottl4j.collector.datadog.mapping.Normalize.tag(k + ":" + v));
            }
        }
        return sb.toString();
    }

    private void flushQuietly(boolean force) {
        try {
            flush(force);
        } catch (Exception e) {
            settings.logger().log(Level.WARNING, "failed to send APM stats: " + e.getMessage());
        }
    }

    /** Emits the complete buckets (all with {@code force}); public so tests can flush without waiting. */
    public void flush(boolean force) throws Exception {
        StatsPayload p;
        synchronized (concentrator) {
            p = concentrator.flush(nowNanos(), force);
        }
        if (p != null) {
            next.consume(StatsMetric.toMetrics(p));
        }
    }
}
