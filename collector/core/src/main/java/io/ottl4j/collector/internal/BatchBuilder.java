package io.ottl4j.collector.internal;

import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TelemetryItem;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Builds a batch out of items taken from other batches, keeping each item under a copy of its original
 * resource and scope: items from the same source group land in the same target group, so routing a
 * payload apart does not split a resource into one group per item.
 */
public final class BatchBuilder {
    private final TelemetryBatch<?> batch;
    private final Map<ResourceGroup<?>, ResourceGroup<?>> resources = new IdentityHashMap<>();
    private final Map<ScopeGroup<?>, ScopeGroup<?>> scopes = new IdentityHashMap<>();

    public BatchBuilder(Signal signal) {
        this.batch = TelemetryBatch.of(signal);
    }

    public TelemetryBatch<?> batch() {
        return batch;
    }

    public boolean isEmpty() {
        return batch.resources().isEmpty();
    }

    /** Adds a whole resource group (moved, not copied). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void addResource(ResourceGroup<?> rg) {
        ((java.util.List) batch.resources()).add(rg);
    }

    /** The group in this batch standing for {@code sg} of {@code rg}; created with copies of their metadata. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T extends TelemetryItem<T>> ScopeGroup<T> scopeFor(ResourceGroup<T> rg, ScopeGroup<T> sg) {
        ScopeGroup<?> s = scopes.get(sg);
        if (s == null) {
            ResourceGroup r = resources.get(rg);
            if (r == null) {
                r = ((TelemetryBatch) batch).addResource();
                r.resource().copyFrom(rg.resource());
                r.setSchemaUrl(rg.schemaUrl());
                resources.put(rg, r);
            }
            ScopeGroup ns = r.addScope();
            ns.scope().copyFrom(sg.scope());
            ns.setSchemaUrl(sg.schemaUrl());
            scopes.put(sg, ns);
            s = ns;
        }
        return (ScopeGroup<T>) s;
    }

    /** Adds {@code item} (moved, not copied) under the copy of its resource and scope. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void add(ResourceGroup<?> rg, ScopeGroup<?> sg, Object item) {
        ScopeGroup s = scopeFor((ResourceGroup) rg, (ScopeGroup) sg);
        s.items().add(item);
    }
}
