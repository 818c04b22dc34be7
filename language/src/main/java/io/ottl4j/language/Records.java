package io.ottl4j.language;

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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks a batch record by record for a context, in document order. Lists are walked by index and their
 * size is read on every step, so records a statement appends (e.g. {@code copy_metric}) are visited too,
 * as upstream does.
 */
public final class Records {
    private Records() {
    }

    /** Calls {@code action} for every record of {@code context} in {@code batch}. */
    public static void forEach(ContextKind context, TelemetryBatch<?> batch, Consumer<TransformContext> action) {
        checkSupported(context, batch);
        List<? extends ResourceGroup<?>> resources = batch.resources();
        for (int r = 0; r < resources.size(); r++) {
            ResourceGroup<?> rg = resources.get(r);
            if (context == ContextKind.RESOURCE) {
                action.accept(TransformContext.ofResource(rg));
                continue;
            }
            List<? extends ScopeGroup<?>> scopes = rg.scopes();
            for (int s = 0; s < scopes.size(); s++) {
                ScopeGroup<?> sg = scopes.get(s);
                if (context == ContextKind.SCOPE) {
                    action.accept(TransformContext.ofScope(rg, sg));
                    continue;
                }
                forEachItem(context, rg, sg, action);
            }
        }
    }

    private static void forEachItem(ContextKind context, ResourceGroup<?> rg, ScopeGroup<?> sg, Consumer<TransformContext> action) {
        forEachItem(context, rg, sg, 0, -1, action);
    }

    /** Items {@code [from, to)} of the scope ({@code to < 0}: up to the end, re-read as the list grows). */
    private static void forEachItem(ContextKind context, ResourceGroup<?> rg, ScopeGroup<?> sg, int from, int to,
            Consumer<TransformContext> action) {
        List<?> items = sg.items();
        for (int i = from; i < (to < 0 ? items.size() : to); i++) {
            Object item = items.get(i);
            switch (context) {
                case SPAN -> action.accept(TransformContext.ofSpan(rg, sg, (Span) item));
                case SPANEVENT -> {
                    Span span = (Span) item;
                    List<SpanEvent> events = span.events();
                    for (int e = 0; e < events.size(); e++) {
                        action.accept(TransformContext.ofSpanEvent(rg, sg, span, events.get(e), e));
                    }
                }
                case METRIC -> action.accept(TransformContext.ofMetric(rg, sg, (Metric) item));
                case DATAPOINT -> {
                    Metric metric = (Metric) item;
                    List<DataPoint> points = metric.dataPoints();
                    for (int p = 0; p < points.size(); p++) {
                        action.accept(TransformContext.ofDataPoint(rg, sg, metric, points.get(p)));
                    }
                }
                case EXEMPLAR -> forEachExemplar(rg, sg, (Metric) item, action);
                case LOG -> action.accept(TransformContext.ofLog(rg, sg, (LogRecord) item));
                case PROFILE -> action.accept(TransformContext.ofProfile(rg, sg, (io.ottl4j.pdata.Profile) item));
                default -> throw new IllegalStateException(context.toString());
            }
        }
    }

    /** Every exemplar of every point of {@code metric}; summary points carry none in OTLP, as upstream skips them. */
    private static void forEachExemplar(ResourceGroup<?> rg, ScopeGroup<?> sg, Metric metric, Consumer<TransformContext> action) {
        List<DataPoint> points = metric.dataPoints();
        for (int p = 0; p < points.size(); p++) {
            DataPoint point = points.get(p);
            if (point instanceof SummaryDataPoint) {
                continue;
            }
            List<Exemplar> exemplars = point.exemplars();
            for (int e = 0; e < exemplars.size(); e++) {
                action.accept(TransformContext.ofExemplar(rg, sg, metric, point, exemplars.get(e)));
            }
        }
    }

    /**
     * Calls {@code chunk} with the records of the context scope by scope, in document order, as arrays
     * (valid up to the given length). Records that running a chunk appends to the scope (e.g.
     * {@code copy_metric}) are passed in a further chunk, so they are visited too, as upstream does.
     */
    public static void forEachChunk(ContextKind context, TelemetryBatch<?> batch, java.util.function.ObjIntConsumer<Object[]> chunk) {
        if (context == ContextKind.RESOURCE || context == ContextKind.SCOPE) {
            List<TransformContext> all = list(context, batch);
            chunk.accept(all.toArray(), all.size());
            return;
        }
        checkSupported(context, batch);
        List<? extends ResourceGroup<?>> resources = batch.resources();
        for (int r = 0; r < resources.size(); r++) {
            ResourceGroup<?> rg = resources.get(r);
            List<? extends ScopeGroup<?>> scopes = rg.scopes();
            for (int s = 0; s < scopes.size(); s++) {
                ScopeGroup<?> sg = scopes.get(s);
                int done = 0;
                while (done < sg.items().size()) {
                    int end = sg.items().size();
                    List<TransformContext> records = new ArrayList<>(end - done);
                    forEachItem(context, rg, sg, done, end, records::add);
                    chunk.accept(records.toArray(), records.size());
                    done = end;
                }
            }
        }
    }

    /** Every record of the context, in document order. */
    public static List<TransformContext> list(ContextKind context, TelemetryBatch<?> batch) {
        List<TransformContext> out = new ArrayList<>();
        forEach(context, batch, out::add);
        return out;
    }

    private static void checkSupported(ContextKind context, TelemetryBatch<?> batch) {
        if (!context.supports(batch.signal())) {
            throw new IllegalArgumentException("the " + context + " context does not exist for " + batch.signal().name().toLowerCase()
                    + "; use one of " + contextsFor(batch));
        }
    }

    private static String contextsFor(TelemetryBatch<?> batch) {
        List<String> names = new ArrayList<>();
        for (ContextKind k : ContextKind.values()) {
            if (k.supports(batch.signal())) {
                names.add(k.configName());
            }
        }
        return String.join(", ", names);
    }
}
