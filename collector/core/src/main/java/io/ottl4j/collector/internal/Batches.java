package io.ottl4j.collector.internal;

import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.Profile;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TelemetryItem;
import java.util.Iterator;
import java.util.List;

/** Batch operations the pipeline needs: counting, copying, moving and splitting, signal-agnostic. */
public final class Batches {
    private Batches() {
    }

    /** Items as the collector counts them: spans, metric data points, log records, profile samples (as upstream's sizer). */
    public static int count(TelemetryBatch<?> batch) {
        return batch.signal() == Signal.METRICS || batch.signal() == Signal.PROFILES ? count(batch.resources()) : batch.itemCount();
    }

    private static int count(List<? extends ResourceGroup<?>> resources) {
        int n = 0;
        for (ResourceGroup<?> rg : resources) {
            for (ScopeGroup<?> sg : rg.scopes()) {
                for (Object item : sg.items()) {
                    n += weight(item);
                }
            }
        }
        return n;
    }

    /** What one item counts for: a metric its data points, a profile its samples, anything else 1. */
    private static int weight(Object item) {
        return switch (item) {
            case Metric m -> m.dataPoints().size();
            case Profile p -> p.samples().size();
            default -> 1;
        };
    }

    public static TelemetryBatch<?> copy(TelemetryBatch<?> batch) {
        return batch.deepCopy();
    }

    /** Moves every resource group of {@code from} to the end of {@code to} (no de-duplication, as upstream). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void moveAll(TelemetryBatch from, TelemetryBatch to) {
        to.resources().addAll(from.resources());
        from.resources().clear();
    }

    /**
     * Removes the first {@code max} items (data points for metrics, samples for profiles) from {@code batch} and returns them as a
     * new batch, copying resource and scope (with schema URLs) for every group the split crosses.
     */
    public static <T extends TelemetryItem<T>> TelemetryBatch<T> split(TelemetryBatch<T> batch, int max) {
        @SuppressWarnings("unchecked")
        TelemetryBatch<T> out = (TelemetryBatch<T>) TelemetryBatch.of(batch.signal());
        int remaining = max;
        Iterator<ResourceGroup<T>> rit = batch.resources().iterator();
        while (rit.hasNext() && remaining > 0) {
            ResourceGroup<T> rg = rit.next();
            int rcount = count(rg, batch.signal());
            if (rcount <= remaining) {
                out.resources().add(rg);
                rit.remove();
                remaining -= rcount;
                continue;
            }
            ResourceGroup<T> nrg = out.addResource();
            nrg.resource().copyFrom(rg.resource());
            nrg.setSchemaUrl(rg.schemaUrl());
            Iterator<ScopeGroup<T>> sit = rg.scopes().iterator();
            while (sit.hasNext() && remaining > 0) {
                ScopeGroup<T> sg = sit.next();
                int scount = count(sg, batch.signal());
                if (scount <= remaining) {
                    nrg.scopes().add(sg);
                    sit.remove();
                    remaining -= scount;
                    continue;
                }
                ScopeGroup<T> nsg = nrg.addScope();
                nsg.scope().copyFrom(sg.scope());
                nsg.setSchemaUrl(sg.schemaUrl());
                Iterator<T> it = sg.items().iterator();
                while (it.hasNext() && remaining > 0) {
                    T item = it.next();
                    if (item instanceof Metric m && m.dataPoints().size() > remaining) {
                        Metric part = m.deepCopy();
                        List<DataPoint> points = part.dataPoints();
                        points.subList(remaining, points.size()).clear();
                        m.dataPoints().subList(0, remaining).clear();
                        @SuppressWarnings("unchecked")
                        T p = (T) part;
                        nsg.items().add(p);
                        remaining = 0;
                        break;
                    }
                    if (item instanceof Profile pr && pr.samples().size() > remaining) {
                        Profile part = pr.copyInto(pr.dictionary()); // both halves keep pointing into the request's dictionary
                        part.samples().subList(remaining, part.samples().size()).clear();
                        pr.samples().subList(0, remaining).clear();
                        @SuppressWarnings("unchecked")
                        T p = (T) part;
                        nsg.items().add(p);
                        remaining = 0;
                        break;
                    }
                    nsg.items().add(item);
                    it.remove();
                    remaining -= weight(item);
                }
            }
        }
        return out;
    }

    private static int count(ResourceGroup<?> rg, Signal signal) {
        int n = 0;
        for (ScopeGroup<?> sg : rg.scopes()) {
            n += count(sg, signal);
        }
        return n;
    }

    private static int count(ScopeGroup<?> sg, Signal signal) {
        if (signal != Signal.METRICS && signal != Signal.PROFILES) {
            return sg.items().size();
        }
        int n = 0;
        for (Object item : sg.items()) {
            n += weight(item);
        }
        return n;
    }

    /** Removes scope groups with no items and resource groups with no scopes. */
    public static void prune(TelemetryBatch<?> batch) {
        for (ResourceGroup<?> rg : batch.resources()) {
            rg.scopes().removeIf(sg -> sg.items().isEmpty());
        }
        batch.resources().removeIf(rg -> rg.scopes().isEmpty());
    }
}
