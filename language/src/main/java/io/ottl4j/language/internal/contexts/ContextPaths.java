package io.ottl4j.language.internal.contexts;

import io.ottl4j.language.ContextKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a context's paths may name: its own level (plus {@code cache}), the higher levels reachable by
 * prefix, and its enum symbols.
 */
public final class ContextPaths {
    private static final Map<ContextKind, ContextPaths> ALL = new EnumMap<>(ContextKind.class);

    /** {@code cache}: the per-record scratch map, reachable only from its own context. */
    public static final PathDef CACHE = Fields.map("cache", "the per-record scratch map of this context",
            io.ottl4j.language.TransformContext::cache);

    private final ContextKind kind;
    private final Level own;
    private final Map<String, Level> prefixes;
    private final Map<String, Long> enums;

    private ContextPaths(ContextKind kind, Level own, Map<String, Level> prefixes, Map<String, Long> enums) {
        this.kind = kind;
        this.own = own;
        this.prefixes = Collections.unmodifiableMap(prefixes);
        this.enums = Collections.unmodifiableMap(enums);
    }

    public static ContextPaths of(ContextKind kind) {
        return ALL.get(kind);
    }

    public ContextKind kind() {
        return kind;
    }

    public Level own() {
        return own;
    }

    /**
     * Path prefixes and the level each names. Both {@code scope} and {@code instrumentation_scope} name
     * the scope from every lower context (upstream accepts {@code scope} there only in legacy mode; we
     * accept both so that statements read the same everywhere).
     */
    public Map<String, Level> prefixes() {
        return prefixes;
    }

    public Map<String, Long> enums() {
        return enums;
    }

    private static Map<String, Level> prefixes(ContextKind kind, Level own, Level... higher) {
        Map<String, Level> m = new LinkedHashMap<>();
        m.put(kind.configName(), own);
        for (Level l : higher) {
            if (l == Level.SCOPE) {
                m.put("instrumentation_scope", Level.SCOPE);
                m.put("scope", Level.SCOPE);
            } else {
                m.put(l.prefix(), l);
            }
        }
        // the request's paths, from every context (the binder requires ottl.contexts.enableOTelColContext)
        m.put(Level.OTELCOL.prefix(), Level.OTELCOL);
        return m;
    }

    static {
        Map<String, Long> spanEnums = Enums.span();
        Map<String, Long> metricEnums = Enums.metric();
        Map<String, Long> pointEnums = new LinkedHashMap<>(metricEnums);
        pointEnums.putAll(Enums.dataPoint());
        put(ContextKind.RESOURCE, Level.RESOURCE, Map.of());
        put(ContextKind.SCOPE, Level.SCOPE, Map.of(), Level.RESOURCE);
        put(ContextKind.SPAN, Level.SPAN, spanEnums, Level.RESOURCE, Level.SCOPE);
        put(ContextKind.SPANEVENT, Level.SPANEVENT, spanEnums, Level.SPAN, Level.RESOURCE, Level.SCOPE);
        put(ContextKind.METRIC, Level.METRIC, metricEnums, Level.RESOURCE, Level.SCOPE);
        put(ContextKind.DATAPOINT, Level.DATAPOINT, pointEnums, Level.METRIC, Level.RESOURCE, Level.SCOPE);
        // upstream's exemplar parser rejects every enum symbol ("exemplar context does not support enums")
        put(ContextKind.EXEMPLAR, Level.EXEMPLAR, Map.of(), Level.DATAPOINT, Level.METRIC, Level.RESOURCE, Level.SCOPE);
        put(ContextKind.LOG, Level.LOG, Enums.log(), Level.RESOURCE, Level.SCOPE);
        put(ContextKind.PROFILE, Level.PROFILE, Enums.profile(), Level.RESOURCE, Level.SCOPE);
    }

    private static void put(ContextKind kind, Level own, Map<String, Long> enums, Level... higher) {
        ALL.put(kind, new ContextPaths(kind, own, prefixes(kind, own, higher), enums));
    }
}
