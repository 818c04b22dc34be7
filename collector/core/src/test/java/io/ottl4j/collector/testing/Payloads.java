package io.ottl4j.collector.testing;

import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.List;

/** Small builders for test payloads. */
public final class Payloads {
    private Payloads() {
    }

    /** A trace batch with one resource ({@code service.name}, plus key/value pairs) holding spans with the given names. */
    public static TelemetryBatch<Span> traces(String service, List<String> resourceAttrs, String... spans) {
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        addSpans(b, service, resourceAttrs, spans);
        return b;
    }

    public static ResourceGroup<Span> addSpans(TelemetryBatch<Span> b, String service, List<String> resourceAttrs, String... spans) {
        ResourceGroup<Span> rg = b.addResource();
        if (service != null) {
            rg.resource().attributes().putString("service.name", service);
        }
        for (int i = 0; i + 1 < resourceAttrs.size(); i += 2) {
            rg.resource().attributes().putString(resourceAttrs.get(i), resourceAttrs.get(i + 1));
        }
        ScopeGroup<Span> sg = rg.addScope();
        sg.scope().setName("test");
        for (String name : spans) {
            Span s = new Span();
            s.setName(name);
            sg.items().add(s);
        }
        return rg;
    }

    public static TelemetryBatch<LogRecord> logs(String service, String... severities) {
        TelemetryBatch<LogRecord> b = TelemetryBatch.logs();
        ResourceGroup<LogRecord> rg = b.addResource();
        rg.resource().attributes().putString("service.name", service);
        ScopeGroup<LogRecord> sg = rg.addScope();
        for (String sev : severities) {
            LogRecord l = new LogRecord();
            l.setSeverityText(sev);
            l.attributes().putString("level", sev);
            sg.items().add(l);
        }
        return b;
    }

    /** A metric batch: one gauge per name, each with {@code points} points whose attribute "i" is the point's index. */
    public static TelemetryBatch<Metric> gauges(int points, String... names) {
        TelemetryBatch<Metric> b = TelemetryBatch.metrics();
        ResourceGroup<Metric> rg = b.addResource();
        rg.resource().attributes().putString("service.name", "m");
        ScopeGroup<Metric> sg = rg.addScope();
        for (String n : names) {
            Metric m = new Metric();
            m.setName(n);
            m.setType(MetricType.GAUGE);
            for (int i = 0; i < points; i++) {
                NumberDataPoint p = m.addNumberDataPoint();
                p.attributes().putLong("i", i);
                p.setIntValue(i);
            }
            sg.items().add(m);
        }
        return b;
    }

    /** Every item name (span name, log severity text, metric name) of a batch, in order. */
    public static List<String> names(TelemetryBatch<?> b) {
        List<String> out = new ArrayList<>();
        for (ResourceGroup<?> rg : b.resources()) {
            for (ScopeGroup<?> sg : rg.scopes()) {
                for (Object o : sg.items()) {
                    out.add(switch (o) {
                        case Span s -> s.name();
                        case LogRecord l -> l.severityText();
                        case Metric m -> m.name();
                        default -> o.toString();
                    });
                }
            }
        }
        return out;
    }

    public static List<String> names(List<TelemetryBatch<?>> batches) {
        List<String> out = new ArrayList<>();
        batches.forEach(b -> out.addAll(names(b)));
        return out;
    }
}
