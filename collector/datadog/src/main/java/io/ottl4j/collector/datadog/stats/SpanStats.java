package io.ottl4j.collector.datadog.stats;

import io.ottl4j.collector.datadog.mapping.Attrs;
import io.ottl4j.collector.datadog.mapping.DdSpan;
import io.ottl4j.collector.datadog.mapping.Hosts;
import io.ottl4j.collector.datadog.mapping.Normalize;
import io.ottl4j.collector.datadog.mapping.SpanMapper;
import io.ottl4j.collector.datadog.mapping.TraceConfig;
import io.ottl4j.collector.datadog.pb.trace.StatsPayload;
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
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * APM stats from OTel traces, the one implementation behind the datadog connector and the exporter's own
 * stats (when the {@code exporter.datadogexporter.DisableAPMStats} gate is off): spans are mapped (the
 * minimal mapping), grouped into chunks by trace ID for the top-level rule and fed to a {@link Concentrator};
 * every bucket interval the complete buckets go to a sink, and at {@link #stop} all of them.
 *
 * <p>Resources (or spans) marked {@value #STATS_COMPUTED} — the datadog connector marks the traces it passes
 * on — are skipped, as upstream, so spans whose stats were already computed are not counted twice.
 */
public final class SpanStats {
    /** The attribute upstream's connector sets on the resources whose stats it computed. */
    public static final String STATS_COMPUTED = "_dd.stats_computed";

    private final TraceConfig config;
    private final LongSupplier clockMillis;
    private final Logger log;
    private final SpanMapper mapper;
    private final Concentrator concentrator;
    private ScheduledExecutorService timer;
    private Consumer<StatsPayload> sink;

    public SpanStats(TraceConfig config, LongSupplier clockMillis, Logger log) {
        this.config = config;
        this.clockMillis = clockMillis;
        this.log = log;
        this.mapper = new SpanMapper(config);
        this.concentrator = new Concentrator(config.bucketInterval().toNanos(), config.computeStatsBySpanKind(), config.peerTagKeys(), nowNanos());
    }

    private long nowNanos() {
        return clockMillis.getAsLong() * 1_000_000L;
    }

    /** Whether the stats of these spans were computed already (a non-empty value other than "false"). */
    public static boolean computed(AttributeMap attrs) {
        Object v = attrs.get(STATS_COMPUTED);
        if (v == null) {
            return false;
        }
        String s = Attrs.str(v);
        return !s.isEmpty() && !s.equals("false");
    }

    private static boolean computed(ResourceGroup<?> rg) {
        if (computed(rg.resource().attributes())) {
            return true;
        }
        for (ScopeGroup<?> sg : rg.scopes()) {
            for (Object item : sg.items()) {
                if (computed(((Span) item).attributes())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Counts the eligible spans of a traces batch. */
    public void add(TelemetryBatch<?> batch) {
        Map<Long, List<DdSpan>> chunks = new HashMap<>(Math.max(16, batch.itemCount() * 4 / 3 + 1));
        for (ResourceGroup<?> rg : batch.resources()) {
            if (computed(rg)) {
                continue;
            }
            AttributeMap res = rg.resource().attributes();
            String hostname = Hosts.fromResource(res);
            String containerTags = containerTags(res);
            for (ScopeGroup<?> sg : rg.scopes()) {
                for (Object item : sg.items()) {
                    DdSpan d;
                    try {
                        d = mapper.minimal((Span) item, res, sg.scope());
                    } catch (RuntimeException e) { // one malformed span must not cost the others their stats
                        log.warning("skipping a span the Datadog mapping cannot read: " + e);
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
                mapper.computeTopLevel(chunk, true);
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
            String v = Attrs.get(null, res, k);
            if (!v.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : ",").append(Normalize.tag(k + ":" + v));
            }
        }
        return sb.toString();
    }

    /** The complete buckets ({@code force}: all of them), or null when there is nothing to emit. */
    public StatsPayload flush(boolean force) {
        synchronized (concentrator) {
            return concentrator.flush(nowNanos(), force);
        }
    }

    /** Emits the complete buckets to {@code sink} every bucket interval, on a daemon thread named {@code thread}. */
    public void start(String thread, Consumer<StatsPayload> sink) {
        this.sink = sink;
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name(thread).unstarted(r));
        long every = config.bucketInterval().toNanos();
        timer.scheduleAtFixedRate(() -> emit(false), every, every, TimeUnit.NANOSECONDS);
    }

    /** Stops the timer and emits every open bucket. */
    public void stop() throws InterruptedException {
        if (timer != null) {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }
        emit(true);
    }

    private void emit(boolean force) {
        try {
            StatsPayload p = flush(force);
            if (p != null && sink != null) {
                sink.accept(p);
            }
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "failed to send APM stats: " + e.getMessage());
        }
    }
}
