package io.ottl4j.lsp.service;

import io.ottl4j.collector.component.Factory;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.ConfigNode;
import io.ottl4j.collector.config.Location;
import io.ottl4j.collector.config.Problems;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the registry knows about a component, for completion and hover: its settings (the keys its
 * {@code decode} reads from an empty config) with the defaults of its default config.
 */
public final class ComponentDocs {
    private static final Map<Factory<?>, Map<String, String>> KEYS = new ConcurrentHashMap<>();

    private ComponentDocs() {
    }

    public static List<String> keys(Factory<?> f) {
        return new ArrayList<>(settings(f).keySet());
    }

    /** Setting → default value as YAML text ("" when none is known). */
    public static Map<String, String> settings(Factory<?> f) {
        return KEYS.computeIfAbsent(f, ComponentDocs::read);
    }

    /**
     * The settings of a nested map of a component's config (for {@code path} [sending_queue] the keys of
     * {@code sending_queue}), found by decoding a config where each map along the path is present and empty, so
     * that decoders which only look inside a map when it is there are asked too. Defaults are not known here.
     */
    public static List<String> keysAt(Factory<?> f, List<String> path) {
        if (path.isEmpty()) {
            return keys(f);
        }
        return NESTED.computeIfAbsent(f.kind() + "\0" + f.type() + "\0" + String.join("\0", path), k -> probe(f, path));
    }

    private static final Map<String, List<String>> NESTED = new ConcurrentHashMap<>();

    private static List<String> probe(Factory<?> f, List<String> path) {
        StringBuilder json = new StringBuilder();
        for (String p : path) {
            json.append("{\"").append(p.replace("\\", "\\\\").replace("\"", "\\\"")).append("\": ");
        }
        json.append("{}").append("}".repeat(path.size()));
        try {
            Conf c = new Conf(io.ottl4j.collector.config.YamlReader.read(json.toString(), "probe"), "", new Problems());
            f.decode(c);
            for (String p : path) {
                c = c.children().get(p);
                if (c == null) {
                    return List.of();
                }
            }
            return List.copyOf(c.usedKeys());
        } catch (io.ottl4j.collector.config.ConfigException | RuntimeException e) {
            return List.of();
        }
    }

    private static Map<String, String> read(Factory<?> f) {
        Map<String, String> out = new LinkedHashMap<>();
        Object cfg = null;
        try {
            Conf c = new Conf(ConfigNode.MapNode.empty(Location.UNKNOWN), "", new Problems());
            cfg = f.decode(c);
            c.usedKeys().forEach(k -> out.put(k, ""));
        } catch (RuntimeException e) {
            return out;
        }
        if (cfg != null && cfg.getClass().isRecord()) {
            for (RecordComponent rc : cfg.getClass().getRecordComponents()) {
                String key = snake(rc.getName());
                if (!out.containsKey(key)) {
                    continue;
                }
                try {
                    Object v = rc.getAccessor().invoke(cfg);
                    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                        out.put(key, String.valueOf(v));
                    } else if (v instanceof java.time.Duration d) {
                        out.put(key, goDuration(d));
                    } else if (v instanceof Enum<?> en) {
                        out.put(key, en.name().toLowerCase(java.util.Locale.ROOT));
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // no default shown for this key
                }
            }
        }
        return out;
    }

    static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String goDuration(java.time.Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    /** A Markdown description: type, kind, description, stability, settings with defaults. */
    public static String markdown(Factory<?> f) {
        StringBuilder sb = new StringBuilder("**").append(f.type()).append("** ").append(f.kind().singular()).append("\n\n");
        if (!f.description().isEmpty()) {
            sb.append(f.description()).append("\n\n");
        }
        sb.append("Stability: ");
        List<String> st = new ArrayList<>();
        f.stability().forEach((s, v) -> st.add(String.valueOf(s).toLowerCase(java.util.Locale.ROOT) + " " + String.valueOf(v).toLowerCase(java.util.Locale.ROOT)));
        st.sort(null);
        sb.append(String.join(", ", st)).append("\n\n");
        Map<String, String> s = settings(f);
        if (!s.isEmpty()) {
            sb.append("Default config:\n```yaml\n").append(f.type()).append(":\n");
            s.forEach((k, v) -> sb.append("  ").append(k).append(":").append(v.isEmpty() ? "" : " " + v).append('\n'));
            sb.append("```\n");
        }
        return sb.toString();
    }
}
