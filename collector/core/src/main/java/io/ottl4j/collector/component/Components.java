package io.ottl4j.collector.component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The factories a collector build knows, by kind and type name (aliases included). */
public final class Components {
    /**
     * Types that upstream distributions ship and configs commonly name, but that ottl4j does not implement
     * yet: they are reported by name rather than as a typo.
     */
    private static final Set<String> KNOWN_ELSEWHERE = Set.of(
            "k8sattributes", "k8s_attributes", "resourcedetection", "resource_detection", "tail_sampling",
            "datadog", "probabilistic_sampler", "groupbyattrs",
            "cumulativetodelta", "deltatocumulative", "prometheus", "prometheusremotewrite", "kafka", "zipkin",
            "jaeger", "hostmetrics", "filelog", "loadbalancing", "pprof", "zpages", "file_storage", "healthcheckv2");

    private final Map<Kind, Map<String, Factory<?>>> byKind = new EnumMap<>(Kind.class);
    private final Map<Kind, List<Factory<?>>> ordered = new EnumMap<>(Kind.class);

    public Components(List<Factory<?>> factories) {
        for (Kind k : Kind.values()) {
            byKind.put(k, new LinkedHashMap<>());
            ordered.put(k, new ArrayList<>());
        }
        for (Factory<?> f : factories) {
            Map<String, Factory<?>> m = byKind.get(f.kind());
            if (m.put(f.type(), f) != null) {
                throw new IllegalArgumentException("duplicate " + f.kind().singular() + " factory " + f.type());
            }
            for (String alias : f.aliases()) {
                m.put(alias, f);
            }
            ordered.get(f.kind()).add(f);
        }
        ordered.values().forEach(l -> l.sort(Comparator.comparing(Factory::type)));
    }

    public Factory<?> find(Kind kind, String type) {
        return byKind.get(kind).get(type);
    }

    /** Whether {@code type} is a deprecated alias of the factory's type. */
    public boolean isAlias(Kind kind, String type) {
        Factory<?> f = find(kind, type);
        return f != null && !f.type().equals(type);
    }

    public List<Factory<?>> all(Kind kind) {
        return List.copyOf(ordered.get(kind));
    }

    public static boolean knownElsewhere(String type) {
        return KNOWN_ELSEWHERE.contains(type);
    }
}
