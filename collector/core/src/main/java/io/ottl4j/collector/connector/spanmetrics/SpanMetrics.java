package io.ottl4j.collector.connector.spanmetrics;

import io.ottl4j.collector.component.ConnectorFactory;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.connector.spanmetrics.SpanMetricsConnectorFactory.Dimension;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Exemplar;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

/**
 * The span metrics aggregation. Spans update per-resource series under a lock (one map per emitted metric:
 * calls, duration and events, each keyed by its own dimension set); a scheduler thread emits every series every
 * flush interval. Cumulative series keep their start time and totals; delta series are emptied after each
 * flush and start at the previous flush. Exemplars are kept until the next flush. Resources without
 * {@code service.name} are skipped, as upstream.
 */
final class SpanMetrics implements ConnectorFactory.Connector {
    static final String SCOPE = "spanmetricsconnector";
    private static final String[] KINDS = {"SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER", "SPAN_KIND_CLIENT",
        "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER"};
    private static final String[] STATUS = {"STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"};
    private static final String OVERFLOW = "otel.metric.overflow";

    private final CreateSettings settings;
    private final SpanMetricsConnectorFactory.Config config;
    private final Consumer next;
    private final List<String> dimensionNames = new ArrayList<>();
    /** resource attributes (as a comparable list) → its series. */
    private final Map<List<Object>, ResourceSeries> resources = new LinkedHashMap<>();
    private ScheduledExecutorService timer;
    private long lastFlush = now();

    private static final class ResourceSeries {
        final AttributeMap resource;
        long lastSeen;
        final Map<List<Object>, Series> calls = new LinkedHashMap<>();
        final Map<List<Object>, Series> durations = new LinkedHashMap<>();
        final Map<List<Object>, Series> events = new LinkedHashMap<>();

        ResourceSeries(AttributeMap resource) {
            this.resource = resource;
        }

        boolean isEmpty() {
            return calls.isEmpty() && durations.isEmpty() && events.isEmpty();
        }
    }

    private static final class Series {
        final AttributeMap attributes;
        long start;
        long lastSeen;
        long count;
        double sum;
        long[] buckets;
        ExponentialBuckets exponential;
        final List<Exemplar> exemplars = new ArrayList<>(0);

        Series(AttributeMap attributes, long start) {
            this.attributes = attributes;
            this.start = start;
        }
    }

    SpanMetrics(CreateSettings settings, SpanMetricsConnectorFactory.Config config, Consumer next) {
        this.settings = settings;
        this.config = config;
        this.next = next;
        for (String d : List.of("service.name", "span.name", "span.kind", "status.code")) {
            if (!config.excludeDimensions().contains(d)) {
                dimensionNames.add(d);
            }
        }
    }

    private static long now() {
        return System.currentTimeMillis() * 1_000_000L;
    }

    @Override
    public void start(Host host) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("spanmetrics-" + settings.id()).unstarted(r));
        long every = config.flushInterval().toNanos();
        timer.scheduleAtFixedRate(this::flushQuietly, every, every, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() throws InterruptedException {
        if (timer != null) {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void consume(TelemetryBatch<?> batch) {
        long t = now();
        synchronized (this) {
            for (ResourceGroup<?> rg : batch.resources()) {
                Object service = rg.resource().attributes().get("service.name");
                if (!(service instanceof String serviceName)) {
                    continue;
                }
                AttributeMap resAttrs = rg.resource().attributes();
                ResourceSeries rs = resources.computeIfAbsent(key(resAttrs), k -> new ResourceSeries(resAttrs.deepCopy()));
                rs.lastSeen = t;
                for (ScopeGroup<?> sg : rg.scopes()) {
                    for (Object item : sg.items()) {
                        record(rs, serviceName, resAttrs, (Span) item, t);
                    }
                }
            }
        }
    }

    private static List<Object> key(AttributeMap attrs) {
        List<Object> k = new ArrayList<>(attrs.size() * 2);
        attrs.forEach((n, v) -> {
            k.add(n);
            k.add(v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v));
        });
        return k;
    }

    /** Adds each dimension's value: from {@code first}, then {@code second} (may be null), then its default. */
    private static void addDimensions(AttributeMap to, List<Dimension> dims, AttributeMap first, AttributeMap second) {
        for (Dimension d : dims) {
            Object v = first.get(d.name());
            if (v == null && second != null) {
                v = second.get(d.name());
            }
            if (v == null) {
                v = d.defaultValue();
            }
            if (v != null) {
                to.put(d.name(), v);
            }
        }
    }

    private static AttributeMap with(AttributeMap base, List<Dimension> extra, AttributeMap first, AttributeMap second) {
        if (extra.isEmpty()) {
            return base;
        }
        AttributeMap m = base.deepCopy();
        addDimensions(m, extra, first, second);
        return m;
    }

    /** The series of {@code attrs} in {@code map}, or the overflow series once the cardinality limit is reached. */
    private Series series(Map<List<Object>, Series> map, AttributeMap attrs, long t) {
        List<Object> k = key(attrs);
        Series s = map.get(k);
        if (s != null) {
            return s;
        }
        if (config.cardinalityLimit() > 0 && map.size() >= config.cardinalityLimit()) {
            AttributeMap overflow = new AttributeMap(1);
            overflow.put(OVERFLOW, Boolean.TRUE);
            List<Object> ok = key(overflow);
            s = map.get(ok);
            if (s == null) {
                s = new Series(overflow, config.delta() ? lastFlush : t);
                map.put(ok, s);
            }
            return s;
        }
        s = new Series(attrs, config.delta() ? lastFlush : t);
        map.put(k, s);
        return s;
    }

    private void record(ResourceSeries rs, String service, AttributeMap resAttrs, Span span, long t) {
        AttributeMap base = new AttributeMap(dimensionNames.size() + config.dimensions().size());
        for (String d : dimensionNames) {
            switch (d) {
                case "service.name" -> base.putString(d, service);
                case "span.name" -> base.putString(d, span.name());
                case "span.kind" -> base.putString(d, span.kind() >= 0 && span.kind() < KINDS.length ? KINDS[span.kind()] : KINDS[0]);
                case "status.code" -> {
                    int code = span.status().code();
                    base.putString(d, code >= 0 && code < STATUS.length ? STATUS[code] : STATUS[0]);
                }
                default -> { }
            }
        }
        addDimensions(base, config.dimensions(), span.attributes(), resAttrs);
        long nanos = Math.max(0, span.endTimeUnixNano() - span.startTimeUnixNano());
        double value = config.histogram().unit().equals("s") ? nanos / 1e9 : nanos / 1e6;

        Series calls = series(rs.calls, with(base, config.callsDimensions(), span.attributes(), resAttrs), t);
        calls.lastSeen = t;
        calls.count++;
        exemplar(calls, span, value);
        if (!config.histogram().disable()) {
            Series d = series(rs.durations, with(base, config.histogramDimensions(), span.attributes(), resAttrs), t);
            d.lastSeen = t;
            d.count++;
            d.sum += value;
            SpanMetricsConnectorFactory.Histogram h = config.histogram();
            if (h.exponentialMaxSize() > 0) {
                if (d.exponential == null) {
                    d.exponential = new ExponentialBuckets(h.exponentialMaxSize());
                }
                d.exponential.record(value);
            } else {
                if (d.buckets == null) {
                    d.buckets = new long[h.buckets().length + 1];
                }
                int i = Arrays.binarySearch(h.buckets(), value);
                // upper bounds are inclusive: a value equal to a bound belongs to that bound's bucket
                d.buckets[i >= 0 ? i : -i - 1]++;
            }
            exemplar(d, span, value);
        }
        if (config.events().enabled()) {
            for (SpanEvent e : span.events()) {
                AttributeMap attrs = base.deepCopy();
                addDimensions(attrs, config.events().dimensions(), e.attributes(), null);
                Series ev = series(rs.events, attrs, t);
                ev.lastSeen = t;
                ev.count++;
            }
        }
    }

    private void exemplar(Series s, Span span, double value) {
        SpanMetricsConnectorFactory.Exemplars cfg = config.exemplars();
        if (!cfg.enabled() || cfg.maxPerDataPoint() > 0 && s.exemplars.size() >= cfg.maxPerDataPoint()) {
            return;
        }
        Exemplar e = new Exemplar();
        e.setTraceId(span.traceId());
        e.setSpanId(span.spanId());
        e.setTimeUnixNano(span.endTimeUnixNano());
        e.setDoubleValue(value);
        s.exemplars.add(e);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (Exception e) {
            settings.logger().log(Level.WARNING, "failed to send span metrics: " + io.ottl4j.collector.internal.Faults.describe(e));
        } catch (Throwable t) { // the timer thread must survive
            io.ottl4j.collector.internal.Faults.survive(settings, settings.logger(), "sending span metrics", 0, t);
        }
    }

    /** Emits every series (package-visible so tests can flush without waiting). */
    void flush() throws Exception {
        TelemetryBatch<Metric> out;
        synchronized (this) {
            long t = now();
            out = build(t);
            if (config.delta()) {
                resources.clear();
            } else {
                expire(t);
            }
            lastFlush = t;
        }
        if (!out.resources().isEmpty()) {
            next.consume(out);
        }
    }

    private void expire(long t) {
        long resourceCutoff = config.expiration().isZero() ? Long.MIN_VALUE : t - config.expiration().toNanos();
        long seriesCutoff = config.seriesExpiration().isZero() ? Long.MIN_VALUE : t - config.seriesExpiration().toNanos();
        for (Iterator<ResourceSeries> it = resources.values().iterator(); it.hasNext();) {
            ResourceSeries rs = it.next();
            if (rs.lastSeen < resourceCutoff) {
                it.remove();
                continue;
            }
            for (Map<List<Object>, Series> m : List.of(rs.calls, rs.durations, rs.events)) {
                m.values().removeIf(s -> s.lastSeen < seriesCutoff);
                m.values().forEach(s -> s.exemplars.clear());
            }
            if (rs.isEmpty()) {
                it.remove();
            }
        }
    }

    private static void fill(DataPoint p, Series s, long t) {
        p.attributes().copyFrom(s.attributes);
        p.setStartTimeUnixNano(s.start);
        p.setTimeUnixNano(t);
        for (Exemplar e : s.exemplars) {
            p.exemplars().add(e.deepCopy());
        }
    }

    private static Metric sum(String name, int temporality) {
        Metric m = new Metric();
        m.setName(name);
        m.setType(MetricType.SUM);
        m.setMonotonic(true);
        m.setAggregationTemporality(temporality);
        return m;
    }

    private TelemetryBatch<Metric> build(long t) {
        TelemetryBatch<Metric> out = TelemetryBatch.metrics();
        String prefix = config.namespace().isEmpty() ? "" : config.namespace() + ".";
        int temporality = config.delta() ? Metric.TEMPORALITY_DELTA : Metric.TEMPORALITY_CUMULATIVE;
        for (ResourceSeries rs : resources.values()) {
            if (rs.isEmpty()) {
                continue;
            }
            ResourceGroup<Metric> rg = out.addResource();
            rg.resource().attributes().copyFrom(rs.resource);
            ScopeGroup<Metric> sg = rg.addScope();
            sg.scope().setName(SCOPE);
            Metric calls = sum(prefix + "calls", temporality);
            sg.items().add(calls);
            for (Series s : rs.calls.values()) {
                NumberDataPoint c = calls.addNumberDataPoint();
                fill(c, s, t);
                c.setIntValue(s.count);
            }
            if (!config.histogram().disable()) {
                Metric duration = new Metric();
                duration.setName(prefix + "duration");
                duration.setUnit(config.histogram().unit());
                duration.setType(config.histogram().exponentialMaxSize() > 0 ? MetricType.EXPONENTIAL_HISTOGRAM : MetricType.HISTOGRAM);
                duration.setAggregationTemporality(temporality);
                sg.items().add(duration);
                for (Series s : rs.durations.values()) {
                    if (s.exponential != null) {
                        ExponentialHistogramDataPoint p = duration.addExponentialHistogramDataPoint();
                        fill(p, s, t);
                        p.setCount(s.count);
                        p.setSum(s.sum);
                        p.setScale(s.exponential.scale());
                        p.setZeroCount(s.exponential.zeroCount());
                        p.positive().setOffset(s.exponential.offset());
                        p.positive().setBucketCounts(s.exponential.counts());
                    } else {
                        HistogramDataPoint p = duration.addHistogramDataPoint();
                        fill(p, s, t);
                        p.setCount(s.count);
                        p.setSum(s.sum);
                        p.setExplicitBounds(config.histogram().buckets().clone());
                        p.setBucketCounts(s.buckets.clone());
                    }
                }
            }
            if (config.events().enabled() && !rs.events.isEmpty()) {
                Metric events = sum(prefix + "events", temporality);
                sg.items().add(events);
                for (Series s : rs.events.values()) {
                    NumberDataPoint c = events.addNumberDataPoint();
                    fill(c, s, t);
                    c.setIntValue(s.count);
                }
            }
        }
        return out;
    }
}
