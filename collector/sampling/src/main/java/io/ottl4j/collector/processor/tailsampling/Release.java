package io.ottl4j.collector.processor.tailsampling;

import io.ottl4j.collector.processor.tailsampling.policy.TraceData;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Spans on their way out: chunks of kept traces merged into one batch, with one copy of each resource and
 * scope they share. With scope attributes (the {@code recordpolicy} gate) each trace gets its own scope
 * groups, since the attributes differ per trace.
 */
final class Release {
    private final TelemetryBatch<Span> batch = TelemetryBatch.traces();
    private final IdentityHashMap<ResourceGroup<Span>, ResourceGroup<Span>> resources = new IdentityHashMap<>();
    private final IdentityHashMap<ScopeGroup<Span>, ScopeGroup<Span>> scopes = new IdentityHashMap<>();
    private int spans;

    /** Adds chunks; {@code scopeAttributes} (key, value pairs) or null. */
    void add(List<TraceData.Chunk> chunks, Object[] scopeAttributes) {
        for (TraceData.Chunk c : chunks) {
            ResourceGroup<Span> rg = resources.get(c.resource());
            if (rg == null) {
                rg = batch.addResource();
                rg.resource().copyFrom(c.resource().resource());
                rg.setSchemaUrl(c.resource().schemaUrl());
                resources.put(c.resource(), rg);
            }
            ScopeGroup<Span> sg = scopeAttributes == null ? scopes.get(c.scope()) : null;
            if (sg == null) {
                sg = rg.addScope();
                sg.scope().copyFrom(c.scope().scope());
                sg.setSchemaUrl(c.scope().schemaUrl());
                if (scopeAttributes == null) {
                    scopes.put(c.scope(), sg);
                } else {
                    for (int i = 0; i < scopeAttributes.length; i += 2) {
                        sg.scope().attributes().put((String) scopeAttributes[i], scopeAttributes[i + 1]);
                    }
                }
            }
            sg.items().addAll(c.spans());
            spans += c.spans().size();
        }
    }

    int spans() {
        return spans;
    }

    TelemetryBatch<Span> batch() {
        return batch;
    }
}
