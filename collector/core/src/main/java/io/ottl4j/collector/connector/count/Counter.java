package io.ottl4j.collector.connector.count;

import io.ottl4j.collector.component.ConnectorFactory;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.language.TransformContext;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.LogRecord;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts one payload into a metrics batch (one resource per input resource that counted anything). */
final class Counter implements ConnectorFactory.Connector {
    static final String SCOPE = "github.com/open-telemetry/opentelemetry-collector-contrib/connector/countconnector";

    private final List<CountConnectorFactory.MetricInfo> metrics;
    private final Consumer next;

    Counter(List<CountConnectorFactory.MetricInfo> metrics, Consumer next) {
        this.metrics = metrics;
        this.next = next;
    }

    @Override
    public void consume(TelemetryBatch<?> batch) throws Exception {
        TelemetryBatch<Metric> out = TelemetryBatch.metrics();
        long now = System.currentTimeMillis() * 1_000_000L;
        for (ResourceGroup<?> rg : batch.resources()) {
            // per metric: attribute values → count, in first-seen order
            List<Map<List<Object>, long[]>> counts = new ArrayList<>();
            for (int i = 0; i < metrics.size(); i++) {
                counts.add(new LinkedHashMap<>());
            }
            for (ScopeGroup<?> sg : rg.scopes()) {
                for (Object item : sg.items()) {
                    switch (item) {
                        case Span span -> {
                            count(CountContext.SPAN, TransformContext.ofSpan(rg, (ScopeGroup) sg, span), span.attributes(), rg, sg, counts);
                            List<SpanEvent> events = span.events();
                            for (int e = 0; e < events.size(); e++) {
                                count(CountContext.SPANEVENT, TransformContext.ofSpanEvent(rg, (ScopeGroup) sg, span, events.get(e), e),
                                        events.get(e).attributes(), rg, sg, counts);
                            }
                        }
                        case Metric metric -> {
                            count(CountContext.METRIC, TransformContext.ofMetric(rg, (ScopeGroup) sg, metric), null, rg, sg, counts);
                            for (DataPoint p : metric.dataPoints()) {
                                count(CountContext.DATAPOINT, TransformContext.ofDataPoint(rg, (ScopeGroup) sg, metric, p), p.attributes(), rg, sg, counts);
                            }
                        }
                        case LogRecord log -> count(CountContext.LOG, TransformContext.ofLog(rg, (ScopeGroup) sg, log), log.attributes(), rg, sg, counts);
                        case io.ottl4j.pdata.Profile profile -> count(CountContext.PROFILE, TransformContext.ofProfile(rg, (ScopeGroup) sg, profile),
                                profile.attributes(), rg, sg, counts);
                        default -> { }
                    }
                }
            }
            emit(out, rg, counts, now);
        }
        if (!out.resources().isEmpty()) {
            next.consume(out);
        }
    }

    private enum CountContext { SPAN, SPANEVENT, METRIC, DATAPOINT, LOG, PROFILE }

    @SuppressWarnings("rawtypes")
    private void count(CountContext kind, TransformContext ctx, AttributeMap own, ResourceGroup<?> rg, ScopeGroup sg,
            List<Map<List<Object>, long[]>> counts) {
        for (int i = 0; i < metrics.size(); i++) {
            CountConnectorFactory.MetricInfo m = metrics.get(i);
            if (!m.context().name().equals(kind.name())) {
                continue;
            }
            if (m.conditions() != null && !m.conditions().test(ctx)) {
                continue;
            }
            Object[] values = new Object[m.attributes().size()];
            boolean complete = true;
            for (int a = 0; a < values.length; a++) {
                CountConnectorFactory.Attribute attr = m.attributes().get(a);
                Object v = own == null ? null : own.get(attr.key());
                if (v == null) {
                    v = sg.scope().attributes().get(attr.key());
                }
                if (v == null) {
                    v = rg.resource().attributes().get(attr.key());
                }
                if (v == null) {
                    v = attr.defaultValue();
                }
                if (v == null) {
                    complete = false; // no value and no default: not counted for this metric, as upstream
                    break;
                }
                values[a] = v;
            }
            if (complete) {
                counts.get(i).computeIfAbsent(Arrays.asList(values), k -> new long[1])[0]++;
            }
        }
    }

    private void emit(TelemetryBatch<Metric> out, ResourceGroup<?> rg, List<Map<List<Object>, long[]>> counts, long now) {
        ScopeGroup<Metric> scope = null;
        for (int i = 0; i < metrics.size(); i++) {
            Map<List<Object>, long[]> byAttrs = counts.get(i);
            if (byAttrs.isEmpty()) {
                continue;
            }
            if (scope == null) {
                ResourceGroup<Metric> r = out.addResource();
                r.resource().copyFrom(rg.resource());
                scope = r.addScope();
                scope.scope().setName(SCOPE);
            }
            CountConnectorFactory.MetricInfo info = metrics.get(i);
            Metric m = new Metric();
            m.setName(info.name());
            m.setDescription(info.description());
            m.setType(MetricType.SUM);
            m.setMonotonic(true);
            m.setAggregationTemporality(Metric.TEMPORALITY_DELTA);
            for (Map.Entry<List<Object>, long[]> e : byAttrs.entrySet()) {
                NumberDataPoint p = m.addNumberDataPoint();
                p.setTimeUnixNano(now);
                p.setIntValue(e.getValue()[0]);
                for (int a = 0; a < info.attributes().size(); a++) {
                    p.attributes().put(info.attributes().get(a).key(), e.getKey().get(a));
                }
            }
            scope.items().add(m);
        }
    }
}
