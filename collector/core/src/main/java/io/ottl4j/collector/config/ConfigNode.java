package io.ottl4j.collector.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A config tree node that remembers where it came from: a map, a list, a scalar or null. Scalars keep the
 * text as written plus the value YAML resolved it to (string, long, double, boolean), so a field can take
 * whichever it needs ({@code "0123"} stays a string for string fields).
 */
public sealed interface ConfigNode {
    Location location();

    /** A YAML mapping, keys in document order. */
    record MapNode(Map<String, ConfigNode> entries, Location location, Map<String, Location> keyLocations) implements ConfigNode {
        public MapNode {
            entries = new LinkedHashMap<>(entries);
            keyLocations = new LinkedHashMap<>(keyLocations);
        }

        public MapNode(Map<String, ConfigNode> entries, Location location) {
            this(entries, location, Map.of());
        }

        /** Where the key itself is written (falls back to the value, then the map). */
        public Location keyLocation(String key) {
            Location l = keyLocations.get(key);
            if (l != null) {
                return l;
            }
            ConfigNode v = entries.get(key);
            return v == null ? location : v.location();
        }

        public static MapNode empty(Location location) {
            return new MapNode(new LinkedHashMap<>(), location);
        }

        public ConfigNode get(String key) {
            return entries.get(key);
        }
    }

    /** A YAML sequence. */
    record ListNode(List<ConfigNode> items, Location location) implements ConfigNode {
        public ListNode {
            items = new ArrayList<>(items);
        }
    }

    /** A YAML scalar: {@code text} as written and {@code value} as resolved (String, Long, Double, Boolean). */
    record Scalar(String text, Object value, Location location, boolean sensitive) implements ConfigNode {
        public Scalar(String text, Object value, Location location) {
            this(text, value, location, false);
        }

        public static Scalar string(String text, Location location) {
            return new Scalar(text, text, location, false);
        }
    }

    /** An explicit YAML null ({@code key:} or {@code key: null}). */
    record NullNode(Location location) implements ConfigNode {
    }

    /** Converts to plain Java values (LinkedHashMap, ArrayList, String/Long/Double/Boolean, null). */
    static Object toPlain(ConfigNode node) {
        if (node == null || node instanceof NullNode) {
            return null;
        }
        if (node instanceof Scalar s) {
            return s.value();
        }
        if (node instanceof ListNode l) {
            List<Object> out = new ArrayList<>();
            l.items().forEach(i -> out.add(toPlain(i)));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((MapNode) node).entries().forEach((k, v) -> out.put(k, toPlain(v)));
        return out;
    }

    /** A deep copy. */
    static ConfigNode copy(ConfigNode node) {
        if (node instanceof MapNode m) {
            Map<String, ConfigNode> out = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> out.put(k, copy(v)));
            return new MapNode(out, m.location(), m.keyLocations());
        }
        if (node instanceof ListNode l) {
            return new ListNode(l.items().stream().map(ConfigNode::copy).toList(), l.location());
        }
        return node;
    }
}
