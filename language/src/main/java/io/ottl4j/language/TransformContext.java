package io.ottl4j.language;

import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Exemplar;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Profile;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;

/**
 * One record an OTTL statement runs on, with its ancestors and its per-record {@code cache}. One class
 * for every context (rather than one per context) keeps the compiled path nodes monomorphic; the
 * fields a context does not use stay null.
 */
public final class TransformContext {
    private final ResourceGroup<?> resource;
    private final ScopeGroup<?> scope;
    /** The span, metric, log record or profile (null for the resource and scope contexts). */
    private final Object item;
    /** The span event or data point (null elsewhere). */
    private final Object subItem;
    private final int subIndex;
    /** The exemplar (exemplar context only; its data point is {@link #subItem}). */
    private final Exemplar exemplar;
    private AttributeMap cache;
    private AttributeMap profileAttributes;
    private AttributeMap profileAttributesBefore;

    private TransformContext(ResourceGroup<?> resource, ScopeGroup<?> scope, Object item, Object subItem, int subIndex) {
        this(resource, scope, item, subItem, subIndex, null);
    }

    private TransformContext(ResourceGroup<?> resource, ScopeGroup<?> scope, Object item, Object subItem, int subIndex, Exemplar exemplar) {
        this.resource = resource;
        this.scope = scope;
        this.item = item;
        this.subItem = subItem;
        this.subIndex = subIndex;
        this.exemplar = exemplar;
    }

    public static TransformContext ofResource(ResourceGroup<?> resource) {
        return new TransformContext(resource, null, null, null, -1);
    }

    public static TransformContext ofScope(ResourceGroup<?> resource, ScopeGroup<?> scope) {
        return new TransformContext(resource, scope, null, null, -1);
    }

    public static TransformContext ofSpan(ResourceGroup<?> resource, ScopeGroup<?> scope, Span span) {
        return new TransformContext(resource, scope, span, null, -1);
    }

    public static TransformContext ofSpanEvent(ResourceGroup<?> resource, ScopeGroup<?> scope, Span span, SpanEvent event, int index) {
        return new TransformContext(resource, scope, span, event, index);
    }

    public static TransformContext ofMetric(ResourceGroup<?> resource, ScopeGroup<?> scope, Metric metric) {
        return new TransformContext(resource, scope, metric, null, -1);
    }

    public static TransformContext ofDataPoint(ResourceGroup<?> resource, ScopeGroup<?> scope, Metric metric, DataPoint point) {
        return new TransformContext(resource, scope, metric, point, -1);
    }

    /** An exemplar of {@code point} (a gauge, sum, histogram or exponential histogram point of {@code metric}). */
    public static TransformContext ofExemplar(ResourceGroup<?> resource, ScopeGroup<?> scope, Metric metric, DataPoint point, Exemplar exemplar) {
        return new TransformContext(resource, scope, metric, point, -1, exemplar);
    }

    public static TransformContext ofLog(ResourceGroup<?> resource, ScopeGroup<?> scope, LogRecord log) {
        return new TransformContext(resource, scope, log, null, -1);
    }

    public static TransformContext ofProfile(ResourceGroup<?> resource, ScopeGroup<?> scope, Profile profile) {
        return new TransformContext(resource, scope, profile, null, -1);
    }

    public ResourceGroup<?> resourceGroup() {
        return resource;
    }

    public ScopeGroup<?> scopeGroup() {
        return scope;
    }

    public Object item() {
        return item;
    }

    public Span span() {
        return (Span) item;
    }

    public Metric metric() {
        return (Metric) item;
    }

    public LogRecord log() {
        return (LogRecord) item;
    }

    public Profile profile() {
        return (Profile) item;
    }

    /**
     * The profile's attributes as a map (they live in the dictionary as indices): made on first use and written back
     * through the dictionary by {@link #commit()} once the record's statements have run.
     */
    public AttributeMap profileAttributes() {
        if (profileAttributes == null) {
            profileAttributes = profile().attributes();
            profileAttributesBefore = profileAttributes.deepCopy();
        }
        return profileAttributes;
    }

    /**
     * Writes what statements changed in a profile's attribute map back through the dictionary (keys removed, values
     * set). The runtime calls it after each record; hosts running statements record by record need not.
     */
    public void commit() {
        if (profileAttributes != null) {
            profile().updateAttributes(profileAttributesBefore, profileAttributes);
            profileAttributesBefore = profileAttributes.deepCopy();
        }
    }

    public SpanEvent spanEvent() {
        return (SpanEvent) subItem;
    }

    public DataPoint dataPoint() {
        return (DataPoint) subItem;
    }

    public Exemplar exemplar() {
        return exemplar;
    }

    /** The span event's position in its span, or -1 when the host did not provide one. */
    public int subIndex() {
        return subIndex;
    }

    /**
     * Makes {@code shared} this record's {@code cache} (the transform processor's {@code shared_cache} groups);
     * the caller owns it and decides when it is emptied.
     */
    public TransformContext withCache(AttributeMap shared) {
        if (shared != null) {
            cache = shared;
        }
        return this;
    }

    /** The per-record scratch map of the {@code cache} path; created on first use. */
    public AttributeMap cache() {
        AttributeMap c = cache;
        if (c == null) {
            c = new AttributeMap();
            cache = c;
        }
        return c;
    }
}
