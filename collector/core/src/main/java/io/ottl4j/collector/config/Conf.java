package io.ottl4j.collector.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A typed, location-aware view of one config map, used by components to decode their settings. Every read
 * marks the key as known; {@link #finish()} reports the keys nobody read (upstream rejects unknown keys).
 * Type errors are collected, not thrown, so validation reports every problem at once. Values that came
 * from {@code ${env:...}} are never echoed back in messages.
 */
public final class Conf {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private final ConfigNode.MapNode map;
    private final String path;
    private final Problems problems;
    private final Set<String> used = new LinkedHashSet<>();
    /** The nested maps read through {@link #child}, so tools (completion, docs) can list the keys read at each level. */
    private final Map<String, Conf> children = new LinkedHashMap<>();

    public Conf(ConfigNode node, String path, Problems problems) {
        this.path = path;
        this.problems = problems;
        if (node instanceof ConfigNode.MapNode m) {
            this.map = m;
        } else {
            Location l = node == null ? Location.UNKNOWN : node.location();
            if (node instanceof ConfigNode.Scalar || node instanceof ConfigNode.ListNode) {
                problems.add(l, path, "type", "expected a map");
            }
            this.map = ConfigNode.MapNode.empty(l);
        }
    }

    public String path() {
        return path;
    }

    public Problems problems() {
        return problems;
    }

    public Location location() {
        return map.location();
    }

    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "::" + key;
    }

    public Location locationOf(String key) {
        ConfigNode n = map.get(key);
        return n == null || n instanceof ConfigNode.NullNode ? map.keyLocation(key) : n.location();
    }

    public boolean has(String key) {
        used.add(key);
        ConfigNode n = map.get(key);
        return n != null && !(n instanceof ConfigNode.NullNode);
    }

    /** Present at all, even as {@code key:} (null). */
    public boolean present(String key) {
        used.add(key);
        return map.entries().containsKey(key);
    }

    public ConfigNode raw(String key) {
        used.add(key);
        return map.get(key);
    }

    public Set<String> keys() {
        return map.entries().keySet();
    }

    /** The keys decoding has asked for so far, in order (tools list a component's settings from them). */
    public Set<String> usedKeys() {
        return java.util.Collections.unmodifiableSet(used);
    }

    public void error(String key, String message) {
        problems.add(locationOf(key), pathOf(key), "invalid", message);
    }

    public void error(String key, String code, String message) {
        problems.add(locationOf(key), pathOf(key), code, message);
    }

    private ConfigNode.Scalar scalar(String key, String what) {
        ConfigNode n = raw(key);
        if (n == null || n instanceof ConfigNode.NullNode) {
            return null;
        }
        if (n instanceof ConfigNode.Scalar s) {
            return s;
        }
        problems.add(n.location(), pathOf(key), "type", "expected " + what + ", got a " + (n instanceof ConfigNode.MapNode ? "map" : "list"));
        return null;
    }

    private static String shown(ConfigNode.Scalar s) {
        return s.sensitive() ? "<from environment>" : "'" + s.text() + "'";
    }

    public String string(String key, String def) {
        ConfigNode.Scalar s = scalar(key, "a string");
        return s == null ? def : s.text();
    }

    /** Whether the value came (partly) from the environment: callers must not print it. */
    public boolean sensitive(String key) {
        return map.get(key) instanceof ConfigNode.Scalar s && s.sensitive();
    }

    public boolean bool(String key, boolean def) {
        ConfigNode.Scalar s = scalar(key, "a boolean");
        if (s == null) {
            return def;
        }
        if (s.value() instanceof Boolean b) {
            return b;
        }
        problems.add(s.location(), pathOf(key), "type", "expected true or false, got " + shown(s));
        return def;
    }

    public long longValue(String key, long def) {
        ConfigNode.Scalar s = scalar(key, "an integer");
        if (s == null) {
            return def;
        }
        if (s.value() instanceof Long l) {
            return l;
        }
        try {
            return Long.parseLong(s.text().trim());
        } catch (NumberFormatException e) {
            problems.add(s.location(), pathOf(key), "type", "expected an integer, got " + shown(s));
            return def;
        }
    }

    public int intValue(String key, int def) {
        long v = longValue(key, def);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            error(key, "type", "integer out of range");
            return def;
        }
        return (int) v;
    }

    public double doubleValue(String key, double def) {
        ConfigNode.Scalar s = scalar(key, "a number");
        if (s == null) {
            return def;
        }
        if (s.value() instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(s.text().trim());
        } catch (NumberFormatException e) {
            problems.add(s.location(), pathOf(key), "type", "expected a number, got " + shown(s));
            return def;
        }
    }

    /** A Go duration ({@code 200ms}, {@code 1m30s}); a bare integer is nanoseconds as in Go. */
    public Duration duration(String key, Duration def) {
        ConfigNode.Scalar s = scalar(key, "a duration");
        if (s == null) {
            return def;
        }
        Duration d = parseDuration(s.text());
        if (d == null) {
            problems.add(s.location(), pathOf(key), "type", "expected a duration such as 200ms, 5s or 1m30s, got " + shown(s));
            return def;
        }
        return d;
    }

    public static Duration parseDuration(String text) {
        String t = text.trim();
        if (t.matches("-?\\d+")) {
            return Duration.ofNanos(Long.parseLong(t));
        }
        boolean neg = t.startsWith("-");
        if (neg || t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION_PART.matcher(t);
        int pos = 0;
        double nanos = 0;
        while (pos < t.length()) {
            if (!m.find(pos) || m.start() != pos) {
                return null;
            }
            double v = Double.parseDouble(m.group(1));
            nanos += v * switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            pos = m.end();
        }
        if (pos == 0) {
            return null;
        }
        Duration d = Duration.ofNanos((long) nanos);
        return neg ? d.negated() : d;
    }

    public List<String> strings(String key, List<String> def) {
        ConfigNode n = raw(key);
        if (n == null || n instanceof ConfigNode.NullNode) {
            return def;
        }
        if (n instanceof ConfigNode.Scalar s) {
            return List.of(s.text()); // Go decodes a scalar into a one-element slice
        }
        if (!(n instanceof ConfigNode.ListNode l)) {
            problems.add(n.location(), pathOf(key), "type", "expected a list of strings, got a map");
            return def;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < l.items().size(); i++) {
            ConfigNode item = l.items().get(i);
            if (item instanceof ConfigNode.Scalar s) {
                out.add(s.text());
            } else {
                problems.add(item.location(), pathOf(key) + "[" + i + "]", "type", "expected a string");
            }
        }
        return out;
    }

    /** The scalar nodes of a list (for callers that need each item's location). */
    public List<ConfigNode.Scalar> scalars(String key) {
        ConfigNode n = raw(key);
        List<ConfigNode.Scalar> out = new ArrayList<>();
        if (n instanceof ConfigNode.Scalar s) {
            out.add(s);
        } else if (n instanceof ConfigNode.ListNode l) {
            for (int i = 0; i < l.items().size(); i++) {
                if (l.items().get(i) instanceof ConfigNode.Scalar s) {
                    out.add(s);
                } else {
                    problems.add(l.items().get(i).location(), pathOf(key) + "[" + i + "]", "type", "expected a string");
                }
            }
        } else if (n instanceof ConfigNode.MapNode) {
            problems.add(n.location(), pathOf(key), "type", "expected a list of strings, got a map");
        }
        return out;
    }

    /** A nested map (absent or null gives an empty view). */
    public Conf child(String key) {
        ConfigNode n = raw(key);
        Conf c = n == null || n instanceof ConfigNode.NullNode
                ? new Conf(ConfigNode.MapNode.empty(n == null ? map.location() : n.location()), pathOf(key), problems)
                : new Conf(n, pathOf(key), problems);
        children.put(key, c);
        return c;
    }

    /** The nested maps decoding asked for, by key (the last view when a key was read twice). */
    public Map<String, Conf> children() {
        return java.util.Collections.unmodifiableMap(children);
    }

    /** A list of maps. */
    public List<Conf> list(String key) {
        ConfigNode n = raw(key);
        List<Conf> out = new ArrayList<>();
        if (n == null || n instanceof ConfigNode.NullNode) {
            return out;
        }
        if (!(n instanceof ConfigNode.ListNode l)) {
            problems.add(n.location(), pathOf(key), "type", "expected a list");
            return out;
        }
        for (int i = 0; i < l.items().size(); i++) {
            out.add(new Conf(l.items().get(i), pathOf(key) + "[" + i + "]", problems));
        }
        return out;
    }

    /** A map of string to string (headers, ...). */
    public Map<String, String> stringMap(String key) {
        Conf c = child(key);
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : c.keys()) {
            out.put(k, c.string(k, ""));
        }
        return out;
    }

    /**
     * Upstream's {@code configopaque.MapList} (client {@code headers}, server {@code response_headers}): a map, or a
     * list of {@code {name, value}} pairs whose names must be unique.
     */
    public Map<String, String> mapList(String key) {
        ConfigNode n = raw(key);
        if (!(n instanceof ConfigNode.ListNode)) {
            return stringMap(key);
        }
        Map<String, String> out = new LinkedHashMap<>();
        java.util.Set<String> duplicates = new java.util.TreeSet<>();
        for (Conf pair : list(key)) {
            String name = pair.string("name", "");
            if (out.put(name, pair.string("value", "")) != null) {
                duplicates.add(name);
            }
            pair.finish();
        }
        if (!duplicates.isEmpty()) {
            error(key, "duplicate keys in map-style list: " + duplicates.stream().collect(java.util.stream.Collectors.joining(" ", "[", "]")));
        }
        return out;
    }

    /** Reports every key that no read asked for. Call once decoding is done. */
    public void finish() {
        for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
            if (!used.contains(e.getKey())) {
                String guess = io.ottl4j.language.internal.binder.Suggestions.closest(e.getKey(), used);
                problems.add(map.keyLocation(e.getKey()), pathOf(e.getKey()), "unknown-key",
                        "has invalid keys: " + e.getKey() + (guess == null ? " (not a setting of this component)" : " (did you mean " + guess + "?)"));
            }
        }
    }
}
