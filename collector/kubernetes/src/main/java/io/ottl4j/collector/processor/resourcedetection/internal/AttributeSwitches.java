package io.ottl4j.collector.processor.resourcedetection.internal;

import io.ottl4j.collector.config.Conf;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A detector's {@code resource_attributes.<name>.enabled} switches (upstream's generated metadata config),
 * starting from upstream's defaults; unknown attribute names are errors.
 */
public record AttributeSwitches(Map<String, Boolean> enabled) {
    public static AttributeSwitches decode(Conf detector, Map<String, Boolean> defaults) {
        Map<String, Boolean> m = new LinkedHashMap<>(defaults);
        Conf ra = detector.child("resource_attributes");
        for (String name : ra.keys()) {
            if (!defaults.containsKey(name)) {
                ra.error(name, "unknown-key", "has invalid keys: " + name + " (not a resource attribute of this detector)");
                ra.raw(name);
                continue;
            }
            Conf one = ra.child(name);
            m.put(name, one.bool("enabled", defaults.get(name)));
            one.finish();
        }
        return new AttributeSwitches(Map.copyOf(m));
    }

    /** Upstream's defaults: the names in {@code on} enabled, those in {@code off} disabled, in that order. */
    public static Map<String, Boolean> defaults(java.util.List<String> on, java.util.List<String> off) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        on.forEach(n -> m.put(n, true));
        off.forEach(n -> m.put(n, false));
        return java.util.Collections.unmodifiableMap(m);
    }

    public static AttributeSwitches all(Set<String> names) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        names.forEach(n -> m.put(n, true));
        return new AttributeSwitches(m);
    }

    public boolean on(String name) {
        return Boolean.TRUE.equals(enabled.get(name));
    }

    /** Puts {@code value} under {@code name} when enabled and non-empty. */
    public void put(Map<String, Object> out, String name, Object value) {
        if (on(name) && value != null && !(value instanceof String s && s.isEmpty())) {
            out.put(name, value);
        }
    }
}
