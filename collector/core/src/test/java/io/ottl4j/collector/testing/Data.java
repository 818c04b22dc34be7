package io.ottl4j.collector.testing;

import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.List;

/** Small builders for test batches: names are what the tests look at. */
public final class Data {
    private Data() {
    }

    /** One resource (service.name = {@code service}) with one scope ({@code scope}) holding spans named {@code names}. */
    public static ResourceGroup<Span> spans(TelemetryBatch<Span> batch, String service, String scope, String... names) {
        ResourceGroup<Span> rg = batch.addResource();
        rg.resource().attributes().put("service.name", service);
        rg.setSchemaUrl("https://schema/" + service);
        addScope(rg, scope, names);
        return rg;
    }

    public static ScopeGroup<Span> addScope(ResourceGroup<Span> rg, String scope, String... names) {
        ScopeGroup<Span> sg = rg.addScope();
        sg.scope().setName(scope);
        sg.scope().setVersion("1.0");
        sg.setSchemaUrl("https://scope/" + scope);
        for (String n : names) {
            Span s = new Span();
            s.setName(n);
            sg.items().add(s);
        }
        return sg;
    }

    public static TelemetryBatch<Span> traces(String... names) {
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        spans(b, "svc", "scope", names);
        return b;
    }

    /** A gauge named {@code name} with one data point per value, each with attribute {@code i} = its index. */
    public static Metric gauge(ScopeGroup<Metric> sg, String name, double... values) {
        Metric m = new Metric();
        m.setName(name);
        m.setUnit("1");
        m.setType(MetricType.GAUGE);
        for (int i = 0; i < values.length; i++) {
            var p = m.addNumberDataPoint();
            p.setDoubleValue(values[i]);
            p.attributes().put("i", (long) i);
        }
        sg.items().add(m);
        return m;
    }

    public static LogRecord log(ScopeGroup<LogRecord> sg, String body, int severity) {
        LogRecord l = new LogRecord();
        l.setBody(body);
        l.setSeverityNumber(severity);
        sg.items().add(l);
        return l;
    }

    /** Span names in order, resource by resource. */
    public static List<String> spanNames(TelemetryBatch<?> batch) {
        List<String> out = new ArrayList<>();
        for (ResourceGroup<?> rg : batch.resources()) {
            for (ScopeGroup<?> sg : rg.scopes()) {
                for (Object o : sg.items()) {
                    out.add(((Span) o).name());
                }
            }
        }
        return out;
    }
}
