package io.ottl4j.repl.data;

import io.ottl4j.language.ContextKind;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Exemplar;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.SummaryDataPoint;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every record of a dataset as a {@link Unit}: resources, scopes, spans, span events, metrics, data
 * points and logs, keyed by position so that the same record before and after a statement pairs up.
 * Ordinals (#1, #2...) count per context in the order {@link io.ottl4j.language.Records} visits them.
 */
public final class Units {
    /** One record: its position key, context, 1-based ordinal, a readable label, and its fields. */
    public record Unit(String key, ContextKind kind, int ordinal, String label, Tree tree) {
        public String title() {
            return kind.configName() + " #" + ordinal + (label.isEmpty() ? "" : " " + label);
        }
    }

    private Units() {
    }

    /** The records of the given contexts. */
    public static Map<String, Unit> of(Dataset data, Set<ContextKind> kinds) {
        Map<String, Unit> out = new LinkedHashMap<>();
        Map<ContextKind, Integer> counters = new EnumMap<>(ContextKind.class);
        // Records visits resources of one batch before moving on, and scopes likewise: count per batch
        // in that order, contexts independently.
        int b = 0;
        for (Dataset.Source src : data.sources()) {
            walk(out, counters, kinds, src.batch(), "b" + b++);
        }
        return out;
    }

    /** Every record of a dataset whose signal supports any of the kinds. */
    public static Map<String, Unit> all(Dataset data) {
        return of(data, EnumSet.allOf(ContextKind.class));
    }

    private static void walk(Map<String, Unit> out, Map<ContextKind, Integer> counters, Set<ContextKind> kinds,
            TelemetryBatch<?> batch, String prefix) {
        for (int r = 0; r < batch.resources().size(); r++) {
            ResourceGroup<?> rg = batch.resources().get(r);
            String rk = prefix + ".r" + r;
            add(out, counters, kinds, rk, ContextKind.RESOURCE, resourceLabel(rg), () -> Trees.resource(rg));
            for (int s = 0; s < rg.scopes().size(); s++) {
                ScopeGroup<?> sg = rg.scopes().get(s);
                String sk = rk + ".s" + s;
                add(out, counters, kinds, sk, ContextKind.SCOPE, sg.scope().name(), () -> Trees.scope(sg));
                for (int i = 0; i < sg.items().size(); i++) {
                    Object item = sg.items().get(i);
                    String ik = sk + ".i" + i;
                    switch (item) {
                        case Span span -> {
                            add(out, counters, kinds, ik, ContextKind.SPAN, Render.quote(span.name()), () -> Trees.span(span, false));
                            for (int e = 0; e < span.events().size(); e++) {
                                SpanEvent ev = span.events().get(e);
                                add(out, counters, kinds, ik + ".e" + e, ContextKind.SPANEVENT,
                                        Render.quote(ev.name()) + " of span " + Render.quote(span.name()), () -> Trees.event(ev));
                            }
                        }
                        case Metric metric -> {
                            add(out, counters, kinds, ik, ContextKind.METRIC, metric.name(), () -> Trees.metric(metric, false));
                            for (int p = 0; p < metric.dataPoints().size(); p++) {
                                DataPoint dp = metric.dataPoints().get(p);
                                add(out, counters, kinds, ik + ".p" + p, ContextKind.DATAPOINT,
                                        metric.name() + compact(dp.attributes()), () -> Trees.dataPoint(dp));
                                if (dp instanceof SummaryDataPoint) {
                                    continue; // no exemplars in OTLP summaries: Records skips them too
                                }
                                for (int x = 0; x < dp.exemplars().size(); x++) {
                                    Exemplar ex = dp.exemplars().get(x);
                                    add(out, counters, kinds, ik + ".p" + p + ".x" + x, ContextKind.EXEMPLAR,
                                            "of " + metric.name() + compact(dp.attributes()), () -> Trees.exemplar(ex));
                                }
                            }
                        }
                        case LogRecord log -> add(out, counters, kinds, ik, ContextKind.LOG,
                                Render.clip(Render.value(log.body()), 48), () -> Trees.log(log));
                        default -> { }
                    }
                }
            }
        }
    }

    private static void add(Map<String, Unit> out, Map<ContextKind, Integer> counters, Set<ContextKind> kinds, String key,
            ContextKind kind, String label, java.util.function.Supplier<Tree> tree) {
        int n = counters.merge(kind, 1, Integer::sum);
        if (kinds.contains(kind)) {
            out.put(key, new Unit(key, kind, n, label, tree.get()));
        }
    }

    private static String resourceLabel(ResourceGroup<?> rg) {
        Object service = rg.resource().attributes().get("service.name");
        return service instanceof String s ? "service.name=" + Render.quote(s) : "";
    }

    private static String compact(AttributeMap m) {
        if (m.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" {");
        for (int i = 0; i < m.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(m.keyAt(i)).append('=').append(Render.value(m.valueAt(i)));
        }
        return Render.clip(sb.append('}').toString(), 60);
    }
}
