package io.ottl4j.pdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A resource and its scope groups (OTLP {@code ResourceSpans} / {@code ResourceMetrics} / {@code ResourceLogs}). */
public final class ResourceGroup<T extends TelemetryItem<T>> {
    private final Resource resource = new Resource();
    private String schemaUrl = "";
    private final List<ScopeGroup<T>> scopes = new ArrayList<>(1);

    public Resource resource() {
        return resource;
    }

    public String schemaUrl() {
        return schemaUrl;
    }

    public void setSchemaUrl(String schemaUrl) {
        this.schemaUrl = Objects.requireNonNull(schemaUrl, "schemaUrl");
    }

    /** The scope groups; a mutable list. */
    public List<ScopeGroup<T>> scopes() {
        return scopes;
    }

    /** Appends a new empty scope group and returns it. */
    public ScopeGroup<T> addScope() {
        ScopeGroup<T> s = new ScopeGroup<>();
        scopes.add(s);
        return s;
    }

    /** The number of items across all scope groups. */
    public int itemCount() {
        int n = 0;
        for (ScopeGroup<T> s : scopes) {
            n += s.items().size();
        }
        return n;
    }

    public ResourceGroup<T> deepCopy() {
        ResourceGroup<T> c = new ResourceGroup<>();
        c.resource.copyFrom(resource);
        c.schemaUrl = schemaUrl;
        for (ScopeGroup<T> s : scopes) {
            c.scopes.add(s.deepCopy());
        }
        return c;
    }

    @Override
    public String toString() {
        return "ResourceGroup{" + resource + ", scopes=" + scopes.size() + ", items=" + itemCount() + "}";
    }
}
