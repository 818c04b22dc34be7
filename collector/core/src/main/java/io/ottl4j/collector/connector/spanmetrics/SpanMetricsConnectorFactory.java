package io.ottl4j.collector.connector.spanmetrics;

import io.ottl4j.collector.component.ConnectorFactory;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.PipelineId;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.service.internal.Fanout;
import io.ottl4j.pdata.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code span_metrics} connector (alias {@code spanmetrics}, collector-spec §3.10): aggregates spans into
 * a {@code calls} Sum and a {@code duration} histogram (explicit or exponential buckets) per service.name,
 * span.name, span.kind, status.code and the configured dimensions, and emits them every
 * {@code metrics_flush_interval} with cumulative or delta temporality; optionally exemplars (trace and span
 * ids of the spans measured), an {@code events} count per span event, per-metric extra dimensions, series and
 * resource expiry, and a cardinality limit with upstream's {@code otel.metric.overflow} series.
 */
public final class SpanMetricsConnectorFactory implements ConnectorFactory<SpanMetricsConnectorFactory.Config> {
    public record Dimension(String name, String defaultValue) {
    }

    /** {@code buckets} in {@code unit}; {@code exponentialMaxSize} > 0 selects the exponential histogram. */
    public record Histogram(boolean disable, String unit, double[] buckets, int exponentialMaxSize) {
    }

    /** {@code exemplars}: {@code maxPerDataPoint} 0 means no limit. */
    public record Exemplars(boolean enabled, int maxPerDataPoint) {
    }

    /** {@code events}: an {@code events} Sum counting span events per dimension set. */
    public record Events(boolean enabled, List<Dimension> dimensions) {
    }

    /**
     * @param expiration {@code metrics_expiration}: a resource not seen for this long is dropped (0: never)
     * @param seriesExpiration {@code series_expiration}: a series not updated for this long is dropped (0: never)
     */
    public record Config(String namespace, List<Dimension> dimensions, List<Dimension> callsDimensions, List<Dimension> histogramDimensions,
            Set<String> excludeDimensions, Histogram histogram, boolean delta, Duration flushInterval, Duration expiration,
            Duration seriesExpiration, Exemplars exemplars, Events events, int cardinalityLimit) {
        public Config(String namespace, List<Dimension> dimensions, Set<String> excludeDimensions, Histogram histogram, boolean delta,
                Duration flushInterval, Duration expiration) {
            this(namespace, dimensions, List.of(), List.of(), excludeDimensions, histogram, delta, flushInterval, expiration, Duration.ZERO,
                    new Exemplars(false, 0), new Events(false, List.of()), 0);
        }
    }

    /** Upstream's default explicit buckets. */
    static final List<Duration> DEFAULT_BUCKETS = List.of(ms(2), ms(4), ms(6), ms(8), ms(10), ms(50), ms(100), ms(200), ms(400), ms(800),
            ms(1000), ms(1400), ms(2000), ms(5000), ms(10_000), ms(15_000));

    private static Duration ms(long v) {
        return Duration.ofMillis(v);
    }

    @Override
    public String type() {
        return "span_metrics";
    }

    @Override
    public List<String> aliases() {
        return List.of("spanmetrics");
    }

    @Override
    public String description() {
        return "aggregates request, error and duration (R.E.D) metrics from spans";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.ALPHA);
    }

    @Override
    public Set<Pair> pairs() {
        return Set.of(new Pair(Signal.TRACES, Signal.METRICS));
    }

    private static final List<String> RESERVED = List.of("service.name", "span.name", "span.kind", "status.code");

    /** A {@code [{name, default}]} list; duplicates of each other or of the reserved names are upstream's error. */
    private static List<Dimension> dimensions(Conf c, String key, String what) {
        List<Dimension> dims = new ArrayList<>();
        Set<String> seen = new HashSet<>(RESERVED);
        for (Conf d : c.list(key)) {
            String name = d.string("name", "");
            String def = d.has("default") ? d.string("default", "") : null;
            if (name.isEmpty()) {
                d.error("name", "dimension name must not be empty");
            } else if (!seen.add(name)) {
                d.error("name", "failed validating " + what + ": duplicate dimension name " + name);
            }
            dims.add(new Dimension(name, def));
            d.finish();
        }
        return List.copyOf(dims);
    }

    @Override
    public Config decode(Conf c) {
        String namespace = c.string("namespace", "traces.span.metrics");
        List<Dimension> dims = dimensions(c, "dimensions", "dimensions");
        List<Dimension> callsDims = dimensions(c, "calls_dimensions", "calls dimensions");
        Set<String> exclude = Set.copyOf(c.strings("exclude_dimensions", List.of()));
        Conf h = c.child("histogram");
        boolean disable = h.bool("disable", false);
        String unit = h.string("unit", "ms");
        if (!unit.equals("ms") && !unit.equals("s")) {
            h.error("unit", "unknown histogram unit \"" + unit + "\": use ms or s");
        }
        List<Dimension> histDims = dimensions(h, "dimensions", "histogram dimensions");
        double[] buckets = null;
        int expMax = 0;
        if (h.present("explicit") && h.present("exponential")) {
            h.error("explicit", "use either `explicit` or `exponential` buckets histogram");
        }
        if (h.present("exponential")) {
            Conf e = h.child("exponential");
            expMax = e.intValue("max_size", 160);
            if (expMax <= 0) {
                e.error("max_size", "max_size must be positive");
            }
            e.finish();
        } else {
            Conf e = h.child("explicit");
            List<Duration> list = new ArrayList<>();
            for (String b : e.strings("buckets", List.of())) {
                Duration d = Conf.parseDuration(b);
                if (d == null) {
                    e.error("buckets", "invalid duration \"" + b + "\"");
                } else {
                    list.add(d);
                }
            }
            if (!e.present("buckets")) {
                list = DEFAULT_BUCKETS;
            }
            buckets = new double[list.size()];
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = unit.equals("s") ? list.get(i).toNanos() / 1e9 : list.get(i).toNanos() / 1e6;
                if (i > 0 && buckets[i] <= buckets[i - 1]) {
                    e.error("buckets", "explicit buckets must be in increasing order");
                    break;
                }
            }
            e.finish();
        }
        h.finish();
        String temporality = c.string("aggregation_temporality", "AGGREGATION_TEMPORALITY_CUMULATIVE");
        boolean delta = temporality.equals("AGGREGATION_TEMPORALITY_DELTA");
        if (!delta && !temporality.equals("AGGREGATION_TEMPORALITY_CUMULATIVE")) {
            c.error("aggregation_temporality", "invalid aggregation_temporality \"" + temporality
                    + "\": use AGGREGATION_TEMPORALITY_CUMULATIVE or AGGREGATION_TEMPORALITY_DELTA");
        }
        Duration flush = c.duration("metrics_flush_interval", Duration.ofSeconds(60));
        if (flush.isNegative() || flush.isZero()) {
            c.error("metrics_flush_interval", "invalid metrics_flush_interval: " + flush + ", the duration should be positive");
        }
        Duration expiration = c.duration("metrics_expiration", Duration.ZERO);
        if (expiration.isNegative()) {
            c.error("metrics_expiration", "invalid metrics_expiration: the duration should be positive");
        }
        Duration seriesExpiration = c.duration("series_expiration", Duration.ZERO);
        if (seriesExpiration.isNegative()) {
            c.error("series_expiration", "invalid series_expiration: the duration should be positive");
        }
        // sizes of upstream's LRU caches: ottl4j keeps exact maps, so they only need to be valid
        if (delta && c.present("metric_timestamp_cache_size") && c.intValue("metric_timestamp_cache_size", 1000) <= 0) {
            c.error("metric_timestamp_cache_size", "invalid delta timestamp cache size: " + c.intValue("metric_timestamp_cache_size", 0)
                    + ", the maximum number of the items in the cache should be positive");
        }
        c.has("metric_timestamp_cache_size");
        if (c.present("delta_temporality")) { // the same setting in an intermediate upstream layout
            Conf dt = c.child("delta_temporality");
            if (delta && dt.present("metric_timestamp_cache_size") && dt.intValue("metric_timestamp_cache_size", 1000) <= 0) {
                dt.error("metric_timestamp_cache_size", "invalid delta timestamp cache size: " + dt.intValue("metric_timestamp_cache_size", 0)
                        + ", the maximum number of the items in the cache should be positive");
            }
            dt.has("metric_timestamp_cache_size");
            dt.finish();
        }
        int limit = c.intValue("aggregation_cardinality_limit", 0);
        if (limit < 0) {
            c.error("aggregation_cardinality_limit", "invalid aggregation_cardinality_limit: the limit should be positive");
        }
        Conf x = c.child("exemplars");
        Exemplars exemplars = new Exemplars(x.bool("enabled", false), x.intValue("max_per_data_point", 0));
        if (exemplars.maxPerDataPoint() < 0) {
            x.error("max_per_data_point", "max_per_data_point must not be negative");
        }
        x.finish();
        Conf ev = c.child("events");
        Events events = new Events(ev.bool("enabled", false), dimensions(ev, "dimensions", "event dimensions"));
        if (events.enabled() && events.dimensions().isEmpty()) {
            ev.error("dimensions", "failed validating event dimensions: no dimensions configured for events");
        }
        ev.finish();
        for (String k : List.of("dimensions_cache_size", "resource_metrics_cache_size", "resource_metrics_key_attributes",
                "include_instrumentation_scope", "delta_timestamp_cache_size", "add_resource_attributes", "enable_metrics_sampling_method")) {
            c.has(k); // cache sizes and keying options ottl4j does not need (see docs/collector.md)
        }
        return new Config(namespace, dims, callsDims, histDims, exclude, new Histogram(disable, unit, buckets, expMax), delta, flush,
                expiration, seriesExpiration, exemplars, events, Math.max(0, limit));
    }

    @Override
    public Connector create(CreateSettings settings, Config config, Signal in, Signal out, Map<PipelineId, Consumer> next) {
        return new SpanMetrics(settings, config, Fanout.of(new ArrayList<>(next.values())));
    }
}
