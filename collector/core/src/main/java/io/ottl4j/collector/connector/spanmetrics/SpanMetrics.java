package io.ottl4j.collector.connector.spanmetrics;

import io.ottl4j.collector.component.ConnectorFactory;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Host;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
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
 * The span metrics aggregation. Spans update per-resource, per-key series under a lock; a scheduler thread
 * emits every series every flush interval. Cumulative series keep their start time and totals; delta series
 * are emptied after each flush and start at the previous flush. Resources without {@code service.name} are
 * skipped, as upstream.
 */
final class SpanMetrics implements ConnectorFactory.Connector {
    static final String SCOPE = "spanmetricsconnector";
    private static final String[] KINDS = {"SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER", "SPAN_KIND_CLIENT",
        "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER"};
    private static final String[] STATUS = {"STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"};

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
        final Map<List<Object>, Series> series = new LinkedHashMap<>();

        ResourceSeries(AttributeMap resource) {
            this.resource = resource;
        }
    }

    private static final class Series {
        final AttributeMap attributes;
        long start;
        long lastSeen;
        long calls;
        double sum;
        long[] buckets;
        ExponentialBuckets exponential;

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

    private void record(ResourceSeries rs, String service, AttributeMap resAttrs, Span span, long t) {
        AttributeMap attrs = new AttributeMap(dimensionNames.size() + config.dimensions().size());
        for (String d : dimensionNames) {
            switch (d) {
                case "service.name" -> attrs.putString(d, service);
                case "span.name" -> attrs.putString(d, span.name());
                case "span.kind" -> attrs.putString(d, span.kind() >= 0 && span.kind() < KINDS.length ? KINDS[span.kind()] : KINDS[0]);
                case "status.code" -> {
                    int code = span.status().code();
                    attrs.putString(d, code >= 0 && code < STATUS.length ? STATUS[code] : STATUS[0]);
                }
                default -> { }
            }
        }
        for (SpanMetricsConnectorFactory.Dimension d : config.dimensions()) {
            Object v = span.attributes().get(d.name());
            if (v == null) {
                v = resAttrs.get(d.name());
            }
            if (v == null) {
                v = d.defaultValue();
            }
            if (v != null) {
                attrs.put(d.name(), v);
            }
        }
        Series s = rs.series.computeIfAbsent(key(attrs), k -> newSeries(attrs, t));
        s.lastSeen = t;
        s.calls++;
        long nanos = Math.max(0, span.endTimeUnixNano() - span.startTimeUnixNano());
        double value = config.histogram().unit().equals("s") ? nanos / 1e9 : nanos / 1e6;
        s.sum += value;
        if (s.exponential != null) {
            s.exponential.record(value);
        } else if (s.buckets != null) {
            double[] bounds = config.histogram().buckets();
            int i = Arrays.binarySearch(bounds, value);
            // upper bounds are inclusive: a value equal to a bound belongs to that bound's bucket
            s.buckets[i >= 0 ? i : -i - 1]++;
        }
    }

    private Series newSeries(AttributeMap attrs, long t) {
        Series s = new Series(attrs, config.delta() ? lastFlush : t);
        SpanMetricsConnectorFactory.Histogram h = config.histogram();
        if (!h.disable()) {
            if (h.exponentialMaxSize() > 0) {
                s.exponential = new ExponentialBuckets(h.exponentialMaxSize());
            } else {
                s.buckets = new long[h.buckets().length + 1];
            }
        }
        return s;
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
            } else if (!config.expiration().isZero()) {
                long cutoff = t - config.expiration().toNanos();
                for (Iterator<ResourceSeries> it = resources.values().iterator(); it.hasNext();) {
                    ResourceSeries rs = it.next();
                    rs.series.values().removeIf(s -> s.lastSeen < cutoff);
                    if (rs.series.isEmpty()) {
                        it.remove();
                    }
                }
            }
            lastFlush = t;
        }
        if (!out.resources().isEmpty()) {
            next.consume(out);
        }
    }

    private TelemetryBatch<Metric> build(long t) {
        TelemetryBatch<Metric> out = TelemetryBatch.metrics();
        String prefix = config.namespace().isEmpty() ? "" : config.namespace() + ".";
        int temporality = config.delta() ? Metric.TEMPORALITY_DELTA : Metric.TEMPORALITY_CUMULATIVE;
        for (ResourceSeries rs : resources.values()) {
            if (rs.series.isEmpty()) {
                continue;
            }
            ResourceGroup<Metric> rg = out.addResource();
            rg.resource().attributes().copyFrom(rs.resource);
            ScopeGroup<Metric> sg = rg.addScope();
            sg.scope().setName(SCOPE);
            Metric calls = new Metric();
            calls.setName(prefix + "calls");
            calls.setType(MetricType.SUM);
            calls.setMonotonic(true);
            calls.setAggregationTemporality(temporality);
            sg.items().add(calls);
            Metric duration = null;
            if (!config.histogram().disable()) {
                duration = new Metric();
                duration.setName(prefix + "duration");
                duration.setUnit(config.histogram().unit());
                duration.setType(config.histogram().exponentialMaxSize() > 0 ? MetricType.EXPONENTIAL_HISTOGRAM : MetricType.HISTOGRAM);
                duration.setAggregationTemporality(temporality);
                sg.items().add(duration);
            }
            for (Series s : rs.series.values()) {
                NumberDataPoint c = calls.addNumberDataPoint();
                c.attributes().copyFrom(s.attributes);
                c.setStartTimeUnixNano(s.start);
                c.setTimeUnixNano(t);
                c.setIntValue(s.calls);
                if (duration == null) {
                    continue;
                }
                if (s.exponential != null) {
                    ExponentialHistogramDataPoint p = duration.addExponentialHistogramDataPoint();
                    p.attributes().copyFrom(s.attributes);
                    p.setStartTimeUnixNano(s.start);
                    p.setTimeUnixNano(t);
                    p.setCount(s.calls);
                    p.setSum(s.sum);
                    p.setScale(s.exponential.scale());
                    p.setZeroCount(s.exponential.zeroCount());
                    p.positive().setOffset(s.exponential.offset());
                    p.positive().setBucketCounts(s.exponential.counts());
                } else {
                    HistogramDataPoint p = duration.addHistogramDataPoint();
                    p.attributes().copyFrom(s.attributes);
                    p.setStartTimeUnixNano(s.start);
                    p.setTimeUnixNano(t);
                    p.setCount(s.calls);
                    p.setSum(s.sum);
                    p.setExplicitBounds(config.histogram().buckets().clone());
                    p.setBucketCounts(s.buckets.clone());
                }
            }
        }
        return out;
    }
}
