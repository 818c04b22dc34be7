package io.ottl4j.collector.processor.transform;

import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code transform.flatten.logs}: before statements run, every log record gets its own copy of its
 * resource and scope, so a statement writing {@code resource.attributes} from one record does not touch its
 * neighbours; afterwards records whose resource and scope are now equal are grouped together again (first
 * occurrence order), as upstream's flatten/regroup of resource logs does.
 */
final class LogFlattening {
    private LogFlattening() {
    }

    private record ResourceKey(AttributeMap attributes, int dropped, String schemaUrl) {
        static ResourceKey of(ResourceGroup<?> rg) {
            return new ResourceKey(rg.resource().attributes(), rg.resource().droppedAttributesCount(), rg.schemaUrl());
        }
    }

    private record ScopeKey(String name, String version, AttributeMap attributes, int dropped, String schemaUrl) {
        static ScopeKey of(ScopeGroup<?> sg) {
            return new ScopeKey(sg.scope().name(), sg.scope().version(), sg.scope().attributes(),
                    sg.scope().droppedAttributesCount(), sg.schemaUrl());
        }
    }

    /** One resource group per log record, each with its own copy of the resource and the scope. */
    static void flatten(TelemetryBatch<LogRecord> batch) {
        List<ResourceGroup<LogRecord>> flat = new ArrayList<>(batch.itemCount());
        for (ResourceGroup<LogRecord> rg : batch.resources()) {
            for (ScopeGroup<LogRecord> sg : rg.scopes()) {
                for (LogRecord log : sg.items()) {
                    ResourceGroup<LogRecord> one = new ResourceGroup<>();
                    one.resource().copyFrom(rg.resource());
                    one.setSchemaUrl(rg.schemaUrl());
                    ScopeGroup<LogRecord> scope = one.addScope();
                    scope.scope().copyFrom(sg.scope());
                    scope.setSchemaUrl(sg.schemaUrl());
                    scope.items().add(log);
                    flat.add(one);
                }
            }
        }
        batch.resources().clear();
        batch.resources().addAll(flat);
    }

    /** Merges resource groups with equal resources, and within them scope groups with equal scopes. */
    static void regroup(TelemetryBatch<LogRecord> batch) {
        Map<ResourceKey, ResourceGroup<LogRecord>> resources = new LinkedHashMap<>();
        Map<ResourceKey, Map<ScopeKey, ScopeGroup<LogRecord>>> scopesOf = new LinkedHashMap<>();
        for (ResourceGroup<LogRecord> rg : batch.resources()) {
            ResourceKey rk = ResourceKey.of(rg);
            ResourceGroup<LogRecord> target = resources.computeIfAbsent(rk, k -> {
                ResourceGroup<LogRecord> g = new ResourceGroup<>();
                g.resource().copyFrom(rg.resource());
                g.setSchemaUrl(rg.schemaUrl());
                return g;
            });
            Map<ScopeKey, ScopeGroup<LogRecord>> scopes = scopesOf.computeIfAbsent(rk, k -> new LinkedHashMap<>());
            for (ScopeGroup<LogRecord> sg : rg.scopes()) {
                ScopeGroup<LogRecord> into = scopes.computeIfAbsent(ScopeKey.of(sg), k -> {
                    ScopeGroup<LogRecord> g = target.addScope();
                    g.scope().copyFrom(sg.scope());
                    g.setSchemaUrl(sg.schemaUrl());
                    return g;
                });
                into.items().addAll(sg.items());
            }
        }
        batch.resources().clear();
        batch.resources().addAll(resources.values());
    }
}
