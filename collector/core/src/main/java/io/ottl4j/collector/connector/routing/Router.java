package io.ottl4j.collector.connector.routing;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.ConnectorFactory;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.internal.BatchBuilder;
import io.ottl4j.collector.internal.Batches;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.TransformContext;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * Applies the routing table to one payload. The routes run in order over what is still unrouted: a match
 * moves the resource (or record, or data point) into that route's output, so later routes only see the
 * rest. What remains at the end goes to the default pipelines. The connector owns the batch it is given
 * ({@link #mutatesData()}), so routing moves data instead of copying it.
 */
final class Router implements ConnectorFactory.Connector {
    record Target(RoutingConnectorFactory.Route route, Consumer consumer) {
    }

    private final CreateSettings settings;
    private final ErrorMode errorMode;
    private final Signal signal;
    private final List<Target> targets;
    private final Consumer fallback;

    Router(CreateSettings settings, ErrorMode errorMode, Signal signal, List<Target> targets, Consumer fallback) {
        this.settings = settings;
        this.errorMode = errorMode;
        this.signal = signal;
        this.targets = targets;
        this.fallback = fallback;
    }

    @Override
    public boolean mutatesData() {
        return true;
    }

    @Override
    public void consume(TelemetryBatch<?> batch) throws Exception {
        ClientInfo client = ClientInfo.current();
        BatchBuilder[] outs = new BatchBuilder[targets.size()];
        BatchBuilder errored = new BatchBuilder(signal);
        for (int i = 0; i < targets.size() && !batch.resources().isEmpty(); i++) {
            outs[i] = new BatchBuilder(signal);
            route(targets.get(i).route(), batch, client, outs[i], errored);
            Batches.prune(batch);
        }
        // unmatched and errored data share the default pipelines
        for (ResourceGroup<?> rg : List.copyOf(batch.resources())) {
            errored.addResource(rg);
        }
        Exception first = null;
        for (int i = 0; i < outs.length; i++) {
            if (outs[i] != null && !outs[i].isEmpty()) {
                first = deliver(targets.get(i).consumer(), outs[i].batch(), first);
            }
        }
        if (fallback != null && !errored.isEmpty()) {
            first = deliver(fallback, errored.batch(), first);
        }
        if (first != null) {
            throw first;
        }
    }

    private static Exception deliver(Consumer c, TelemetryBatch<?> b, Exception first) {
        try {
            c.consume(b);
        } catch (Throwable e) {
            return first == null ? io.ottl4j.collector.internal.Faults.asException(e) : first;
        }
        return first;
    }

    /** Tri-state result of a condition: the error case sends the item to the default pipelines. */
    private enum Match { YES, NO, ERROR }

    private Match test(RoutingConnectorFactory.Route route, TransformContext ctx) {
        try {
            return route.condition().test(ctx) ? Match.YES : Match.NO;
        } catch (OttlRuntimeException e) {
            if (errorMode == ErrorMode.PROPAGATE) {
                throw e;
            }
            if (errorMode == ErrorMode.IGNORE) {
                settings.logger().log(Level.WARNING, "failed to evaluate routing condition \"" + route.text() + "\": " + e.getMessage());
            }
            return Match.ERROR;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void route(RoutingConnectorFactory.Route route, TelemetryBatch<?> batch, ClientInfo client, BatchBuilder out, BatchBuilder errored) {
        List<ResourceGroup<?>> resources = (List) batch.resources();
        if (route.request() != null) {
            if (route.request().matches(client)) {
                resources.forEach(out::addResource);
                resources.clear();
            }
            return;
        }
        Iterator<ResourceGroup<?>> rit = resources.iterator();
        Map<Metric, Metric> metricCopies = new IdentityHashMap<>();
        Map<Metric, Metric> erroredCopies = new IdentityHashMap<>();
        while (rit.hasNext()) {
            ResourceGroup rg = rit.next();
            switch (route.condition().context()) {
                case RESOURCE -> {
                    Match m = test(route, TransformContext.ofResource(rg));
                    if (m != Match.NO) {
                        (m == Match.YES ? out : errored).addResource(rg);
                        rit.remove();
                    }
                }
                case SPAN, LOG, METRIC -> {
                    for (ScopeGroup sg : (List<ScopeGroup>) rg.scopes()) {
                        Iterator<Object> it = sg.items().iterator();
                        while (it.hasNext()) {
                            Object item = it.next();
                            TransformContext ctx = switch (item) {
                                case Span s -> TransformContext.ofSpan(rg, sg, s);
                                case LogRecord l -> TransformContext.ofLog(rg, sg, l);
                                case Metric mt -> TransformContext.ofMetric(rg, sg, mt);
                                default -> throw new IllegalStateException("unexpected item " + item);
                            };
                            Match m = test(route, ctx);
                            if (m != Match.NO) {
                                (m == Match.YES ? out : errored).add(rg, sg, item);
                                it.remove();
                            }
                        }
                    }
                }
                case DATAPOINT -> {
                    for (ScopeGroup sg : (List<ScopeGroup>) rg.scopes()) {
                        Iterator<Object> it = sg.items().iterator();
                        while (it.hasNext()) {
                            Metric metric = (Metric) it.next();
                            Iterator<DataPoint> pit = metric.dataPoints().iterator();
                            while (pit.hasNext()) {
                                DataPoint p = pit.next();
                                Match m = test(route, TransformContext.ofDataPoint(rg, sg, metric, p));
                                if (m == Match.NO) {
                                    continue;
                                }
                                BatchBuilder target = m == Match.YES ? out : errored;
                                Metric copy = shell(m == Match.YES ? metricCopies : erroredCopies, target, rg, sg, metric);
                                copy.dataPoints().add(p);
                                pit.remove();
                            }
                            if (metric.dataPoints().isEmpty()) {
                                it.remove();
                            }
                        }
                    }
                }
                default -> throw new IllegalStateException("unsupported routing context " + route.context());
            }
        }
    }

    /** The metric in {@code target} (same name, type, ... and no points yet) that receives points moved out of {@code metric}. */
    private static Metric shell(Map<Metric, Metric> map, BatchBuilder target, ResourceGroup<?> rg, ScopeGroup<?> sg, Metric metric) {
        Metric copy = map.get(metric);
        if (copy == null) {
            copy = metric.deepCopy();
            copy.dataPoints().clear();
            target.add(rg, sg, copy);
            map.put(metric, copy);
        }
        return copy;
    }
}
