package io.ottl4j.pdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An instrumentation scope and its items (OTLP {@code ScopeSpans} / {@code ScopeMetrics} / {@code ScopeLogs}). */
public final class ScopeGroup<T extends TelemetryItem<T>> {
    private final InstrumentationScope scope = new InstrumentationScope();
    private String schemaUrl = "";
    private final ArrayList<T> items = new ArrayList<>();

    public InstrumentationScope scope() {
        return scope;
    }

    public String schemaUrl() {
        return schemaUrl;
    }

    public void setSchemaUrl(String schemaUrl) {
        this.schemaUrl = Objects.requireNonNull(schemaUrl, "schemaUrl");
    }

    /** The spans, metrics or log records; a mutable list (never put null in it). */
    public List<T> items() {
        return items;
    }

    public ScopeGroup<T> deepCopy() {
        ScopeGroup<T> c = new ScopeGroup<>();
        c.scope.copyFrom(scope);
        c.schemaUrl = schemaUrl;
        c.items.ensureCapacity(items.size());
        for (T item : items) {
            c.items.add(item.deepCopy());
        }
        return c;
    }

    @Override
    public String toString() {
        return "ScopeGroup{" + scope + ", items=" + items.size() + "}";
    }
}
