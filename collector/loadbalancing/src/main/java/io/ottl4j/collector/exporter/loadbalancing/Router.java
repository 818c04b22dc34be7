package io.ottl4j.collector.exporter.loadbalancing;

import io.ottl4j.collector.internal.BatchBuilder;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Splits a batch into one batch per backend. The routing key of each item (each data point for {@code streamID})
 * is hashed on the ring; items keep their resource and scope. Keys are upstream's bytes for {@code traceID} (the 16
 * trace-ID bytes) and {@code service} (the UTF-8 {@code service.name}), so those routes agree with Go collectors.
 * Items that lack their key are never dropped: a span or log without the routed attribute falls back to its trace
 * ID, a log without a trace ID goes to a random backend (as upstream), a metric without {@code service.name} goes
 * by its resource.
 */
public final class Router {
    private final RoutingKey key;
    private final List<String> routingAttributes;

    public Router(RoutingKey key, List<String> routingAttributes) {
        this.key = key;
        this.routingAttributes = routingAttributes;
    }

    /** Moves the items of {@code batch} into per-endpoint batches (the input is consumed). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Map<String, TelemetryBatch<?>> split(TelemetryBatch<?> batch, HashRing ring) {
        Map<String, BatchBuilder> out = new LinkedHashMap<>();
        Signal signal = batch.signal();
        for (ResourceGroup<?> rg : batch.resources()) {
            for (ScopeGroup<?> sg : rg.scopes()) {
                for (Object item : sg.items()) {
                    if (key == RoutingKey.STREAM_ID) {
                        splitStreams((ResourceGroup) rg, (ScopeGroup) sg, (Metric) item, ring, out);
                        continue;
                    }
                    String endpoint = ring.endpointFor(keyOf(rg, sg, item));
                    out.computeIfAbsent(endpoint, e -> new BatchBuilder(signal)).add(rg, sg, item);
                }
            }
        }
        Map<String, TelemetryBatch<?>> batches = new LinkedHashMap<>();
        out.forEach((e, b) -> batches.put(e, b.batch()));
        return batches;
    }

    private void splitStreams(ResourceGroup<Metric> rg, ScopeGroup<Metric> sg, Metric metric, HashRing ring, Map<String, BatchBuilder> out) {
        String prefix = canonical(rg.resource().attributes()) + "|" + sg.scope().name() + "|" + sg.scope().version() + "|" + metric.name() + "|";
        Map<String, List<DataPoint>> points = new LinkedHashMap<>();
        for (DataPoint dp : metric.dataPoints()) {
            String endpoint = ring.endpointFor(utf8(prefix + canonical(dp.attributes())));
            points.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(dp);
        }
        if (points.size() == 1) {
            out.computeIfAbsent(points.keySet().iterator().next(), e -> new BatchBuilder(Signal.METRICS)).add(rg, sg, metric);
            return;
        }
        points.forEach((endpoint, dps) -> {
            Metric part = metric.deepCopy();
            part.dataPoints().clear();
            part.dataPoints().addAll(dps);
            out.computeIfAbsent(endpoint, e -> new BatchBuilder(Signal.METRICS)).add(rg, sg, part);
        });
    }

    byte[] keyOf(ResourceGroup<?> rg, ScopeGroup<?> sg, Object item) {
        AttributeMap resource = rg.resource().attributes();
        switch (key) {
            case SERVICE -> {
                if (resource.get("service.name") instanceof String s) {
                    return utf8(s);
                }
            }
            case ATTRIBUTES -> {
                StringBuilder b = new StringBuilder();
                for (String a : routingAttributes) {
                    Object v = resource.get(a);
                    if (v == null) {
                        v = sg.scope().attributes().get(a);
                    }
                    if (v == null && item instanceof Span span) {
                        v = span.attributes().get(a);
                    }
                    if (v != null) {
                        b.append(v);
                    }
                }
                if (!b.isEmpty()) {
                    return utf8(b.toString());
                }
            }
            case RESOURCE -> {
                return utf8(canonical(resource));
            }
            case METRIC -> {
                return utf8(((Metric) item).name());
            }
            default -> {
            }
        }
        if (item instanceof Span span) {
            return span.traceId().bytes();
        }
        if (item instanceof LogRecord log) {
            return log.traceId().isEmpty() ? randomKey() : log.traceId().bytes();
        }
        return utf8(canonical(resource));
    }

    private static byte[] randomKey() {
        byte[] b = new byte[TraceId.SIZE];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Attributes as sorted "k=v" pairs: the same set gives the same key whatever its order. */
    static String canonical(AttributeMap attributes) {
        List<String> pairs = new ArrayList<>(attributes.size());
        attributes.forEach((k, v) -> pairs.add(k + "=" + v));
        Collections.sort(pairs);
        return String.join(";", pairs);
    }
}
