package io.ottl4j.collector.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves the collector configuration as upstream does: every {@code --config} source (a file path, or a
 * {@code file:}, {@code env:} or {@code yaml:} URI) is read, the sources are deep-merged left to right (maps
 * merge, later scalars and lists win, an explicit null removes), {@code --set} pairs are appended last, and
 * then {@code ${...}} references and {@code $$} escapes are expanded in every string value.
 *
 * <p>A source that is an OpenTelemetry Operator {@code OpenTelemetryCollector} document contributes its
 * {@code spec.config}; its {@code spec.env} entries with a literal {@code value} become defaults for
 * {@code ${env:...}} references (the process environment wins, as it would inside the pod).
 */
public final class ConfigLoader {
    private static final Pattern ENV_NAME = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");
    private static final String EMBEDDED_DEFAULT = "/io/ottl4j/collector/default-config.yaml";

    private final Map<String, String> env;
    private final Map<String, String> operatorEnv = new HashMap<>();
    private final Problems problems = new Problems();

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    public ConfigLoader() {
        this(System.getenv());
    }

    /** The resolved configuration, or every problem found while resolving it. */
    public ConfigNode.MapNode load(List<String> configs, List<String> sets) throws ConfigException {
        List<ConfigNode> sources = new ArrayList<>();
        for (String uri : configs) {
            ConfigNode n = readSource(uri);
            if (n != null) {
                sources.add(n);
            }
        }
        for (String set : sets) {
            ConfigNode n = setSource(set);
            if (n != null) {
                sources.add(n);
            }
        }
        problems.throwIfAny();
        ConfigNode merged = null;
        for (ConfigNode s : sources) {
            merged = merged == null ? ConfigNode.copy(s) : merge(merged, s);
        }
        if (merged == null || merged instanceof ConfigNode.NullNode) {
            merged = ConfigNode.MapNode.empty(sources.isEmpty() ? Location.UNKNOWN : sources.get(0).location());
        }
        if (!(merged instanceof ConfigNode.MapNode)) {
            problems.add(merged.location(), "", "yaml", "the configuration must be a map of receivers, processors, exporters, connectors, extensions and service");
            problems.throwIfAny();
        }
        ConfigNode expanded = expandAll(merged, "");
        problems.throwIfAny();
        return (ConfigNode.MapNode) expanded;
    }

    /**
     * Resolves one in-memory document (an editor buffer) named {@code source}, as {@link #load} resolves a
     * file: Operator unwrapping, then {@code ${...}} expansion.
     */
    public ConfigNode.MapNode loadText(String text, String source) throws ConfigException {
        ConfigNode n = null;
        try {
            n = fromText(text, source);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        problems.throwIfAny();
        if (n == null || n instanceof ConfigNode.NullNode) {
            n = ConfigNode.MapNode.empty(new Location(source, 1, 1));
        }
        if (!(n instanceof ConfigNode.MapNode)) {
            problems.add(n.location(), "", "yaml", "the configuration must be a map of receivers, processors, exporters, connectors, extensions and service");
            problems.throwIfAny();
        }
        ConfigNode expanded = expandAll(ConfigNode.copy(n), "");
        problems.throwIfAny();
        return (ConfigNode.MapNode) expanded;
    }

    /** The embedded default configuration (OTLP gRPC + HTTP → batch → debug for all signals). */
    public static String embeddedDefault() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(EMBEDDED_DEFAULT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the embedded default configuration is missing", e);
        }
    }

    private ConfigNode readSource(String uri) {
        String scheme = scheme(uri);
        try {
            return switch (scheme) {
                case "" -> fromText(Files.readString(Path.of(uri)), uri);
                case "file" -> fromText(Files.readString(Path.of(uri.substring(5))), uri.substring(5));
                case "env" -> {
                    String name = uri.substring(4);
                    String v = env.get(name);
                    if (v == null) {
                        problems.add(new Location(uri, 0, 0), "", "source", "environment variable " + name + " is not set");
                        yield null;
                    }
                    yield fromText(v, uri);
                }
                case "yaml" -> yamlSource(uri.substring(5), new Location(uri, 0, 0));
                case "embedded" -> fromText(embeddedDefault(), "embedded:default");
                default -> {
                    problems.add(new Location(uri, 0, 0), "", "source", "unsupported config source scheme '" + scheme
                            + "': use a file path, file:, env: or yaml:");
                    yield null;
                }
            };
        } catch (NoSuchFileException e) {
            problems.add(new Location(uri, 0, 0), "", "source", "cannot read config file: no such file");
        } catch (IOException e) {
            problems.add(new Location(uri, 0, 0), "", "source", "cannot read config file: " + e.getMessage());
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        return null;
    }

    private static String scheme(String uri) {
        int colon = uri.indexOf(':');
        if (colon <= 1) {
            return ""; // no scheme, or a Windows drive letter
        }
        String s = uri.substring(0, colon);
        if (!s.matches("[a-zA-Z][a-zA-Z0-9+.-]*")) {
            return "";
        }
        return s;
    }

    private ConfigNode fromText(String text, String source) throws ConfigException {
        SourceTexts.put(source, text);
        ConfigNode root = YamlReader.read(text, source);
        return unwrapOperator(root, source);
    }

    /** An OpenTelemetryCollector document contributes spec.config (and spec.env as env defaults). */
    private ConfigNode unwrapOperator(ConfigNode root, String source) throws ConfigException {
        if (!(root instanceof ConfigNode.MapNode m)) {
            return root;
        }
        ConfigNode kind = m.get("kind");
        if (!(kind instanceof ConfigNode.Scalar ks) || !"OpenTelemetryCollector".equals(ks.text())) {
            return root;
        }
        ConfigNode spec = m.get("spec");
        if (!(spec instanceof ConfigNode.MapNode sm)) {
            throw new ConfigException(new ConfigProblem(m.location(), "spec", "operator", "OpenTelemetryCollector document has no spec"));
        }
        if (sm.get("env") instanceof ConfigNode.ListNode envList) {
            for (ConfigNode e : envList.items()) {
                if (e instanceof ConfigNode.MapNode em && em.get("name") instanceof ConfigNode.Scalar n
                        && em.get("value") instanceof ConfigNode.Scalar v) {
                    operatorEnv.putIfAbsent(n.text(), v.text());
                }
            }
        }
        ConfigNode config = sm.get("config");
        if (config == null) {
            throw new ConfigException(new ConfigProblem(sm.location(), "spec", "operator", "OpenTelemetryCollector document has no spec.config"));
        }
        if (config instanceof ConfigNode.Scalar s) {
            // v1alpha1: the config is a YAML string (a block scalar starting on the next line)
            return YamlReader.read(s.text(), source + " (spec.config)", s.location().line());
        }
        return config;
    }

    private ConfigNode yamlSource(String text, Location loc) throws ConfigException {
        // yaml:a::b::c: value  →  a: {b: {c: value}}
        int sep = text.lastIndexOf("::");
        int colon = text.indexOf(": ", sep < 0 ? 0 : sep);
        if (colon < 0 && text.endsWith(":")) {
            colon = text.length() - 1;
        }
        if (colon < 0) {
            return YamlReader.read(text, loc.source());
        }
        String keyPath = text.substring(0, colon);
        String value = colon + 2 <= text.length() ? text.substring(Math.min(text.length(), colon + 2)) : "";
        return nest(keyPath.split("::"), value.isEmpty() ? new ConfigNode.NullNode(loc) : YamlReader.parseValue(value, loc), loc);
    }

    private ConfigNode setSource(String set) {
        int eq = set.indexOf('=');
        Location loc = new Location("--set " + (eq < 0 ? set : set.substring(0, eq)), 0, 0);
        if (eq <= 0) {
            problems.add(loc, "", "set", "--set must be key=value (got '" + set + "')");
            return null;
        }
        String key = set.substring(0, eq);
        String value = set.substring(eq + 1);
        return nest(key.split("\\."), YamlReader.parseValue(value, loc), loc);
    }

    private static ConfigNode nest(String[] keys, ConfigNode leaf, Location loc) {
        ConfigNode n = leaf;
        for (int i = keys.length - 1; i >= 0; i--) {
            Map<String, ConfigNode> m = new LinkedHashMap<>();
            m.put(keys[i], n);
            n = new ConfigNode.MapNode(m, loc);
        }
        return n;
    }

    /** Deep merge: maps merge recursively; anything else in {@code over} replaces {@code base}. */
    static ConfigNode merge(ConfigNode base, ConfigNode over) {
        if (base instanceof ConfigNode.MapNode bm && over instanceof ConfigNode.MapNode om) {
            Map<String, ConfigNode> out = new LinkedHashMap<>(bm.entries());
            Map<String, Location> keys = new LinkedHashMap<>(bm.keyLocations());
            om.entries().forEach((k, v) -> {
                ConfigNode old = out.get(k);
                out.put(k, old == null ? ConfigNode.copy(v) : merge(old, v));
                keys.put(k, om.keyLocation(k));
            });
            return new ConfigNode.MapNode(out, bm.location(), keys);
        }
        return ConfigNode.copy(over);
    }

    private ConfigNode expandAll(ConfigNode n, String path) {
        return switch (n) {
            case ConfigNode.MapNode m -> {
                Map<String, ConfigNode> out = new LinkedHashMap<>();
                m.entries().forEach((k, v) -> out.put(k, expandAll(v, path.isEmpty() ? k : path + "::" + k)));
                yield new ConfigNode.MapNode(out, m.location(), m.keyLocations());
            }
            case ConfigNode.ListNode l -> {
                List<ConfigNode> out = new ArrayList<>();
                for (int i = 0; i < l.items().size(); i++) {
                    out.add(expandAll(l.items().get(i), path + "[" + i + "]"));
                }
                yield new ConfigNode.ListNode(out, l.location());
            }
            case ConfigNode.Scalar s when s.value() instanceof String str && str.indexOf('$') >= 0 -> expandScalar(s, str, path);
            default -> n;
        };
    }

    private ConfigNode expandScalar(ConfigNode.Scalar s, String text, String path) {
        // a whole-value reference is typed from its YAML text; embedded ones substitute raw text
        if (text.startsWith("${") && matchingBrace(text, 1) == text.length() - 1) {
            String[] sensitive = {null};
            String resolved = resolveRef(text.substring(2, text.length() - 1), s.location(), path, sensitive);
            if (resolved == null) {
                return new ConfigNode.NullNode(s.location());
            }
            ConfigNode typed = YamlReader.parseValue(resolved, s.location());
            if (typed instanceof ConfigNode.Scalar ts) {
                return new ConfigNode.Scalar(resolved, ts.value(), s.location(), sensitive[0] != null || s.sensitive());
            }
            if (typed instanceof ConfigNode.NullNode) {
                return new ConfigNode.Scalar(resolved, resolved, s.location(), true);
            }
            return typed;
        }
        boolean[] fromEnv = {false};
        String out = expandString(text, s.location(), path, fromEnv);
        return new ConfigNode.Scalar(out, out, s.location(), fromEnv[0] || s.sensitive());
    }

    private String expandString(String text, Location loc, String path, boolean[] fromEnv) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                sb.append(c);
                i++;
                continue;
            }
            if (i + 1 < text.length() && text.charAt(i + 1) == '$') {
                sb.append('$');
                i += 2;
                continue;
            }
            if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int end = matchingBrace(text, i + 1);
                if (end < 0) {
                    problems.add(loc, path, "expand", "unterminated ${ in '" + text + "'");
                    return text;
                }
                String[] sensitive = {null};
                String v = resolveRef(text.substring(i + 2, end), loc, path, sensitive);
                fromEnv[0] = true;
                sb.append(v == null ? "" : v);
                i = end + 1;
                continue;
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Resolves the inside of {@code ${...}}; null for an unset variable without default. */
    private String resolveRef(String ref, Location loc, String path, String[] sensitive) {
        if (ref.contains("${")) {
            boolean[] dummy = {false};
            ref = expandString(ref, loc, path, dummy);
        }
        String scheme = "env";
        String opaque = ref;
        int colon = ref.indexOf(':');
        if (colon > 0 && ref.substring(0, colon).matches("[a-zA-Z][a-zA-Z0-9+.-]*") && !ref.startsWith(":-", colon)) {
            scheme = ref.substring(0, colon);
            opaque = ref.substring(colon + 1);
        }
        switch (scheme) {
            case "env" -> {
                String name = opaque;
                String def = null;
                int d = opaque.indexOf(":-");
                if (d >= 0) {
                    name = opaque.substring(0, d);
                    def = opaque.substring(d + 2);
                }
                if (!ENV_NAME.matcher(name).matches()) {
                    problems.add(loc, path, "expand", "environment variable \"" + name + "\" has invalid name: must match regex "
                            + ENV_NAME.pattern());
                    return null;
                }
                sensitive[0] = name;
                String v = env.get(name);
                if (v == null) {
                    v = operatorEnv.get(name);
                }
                if (v == null) {
                    return def;
                }
                return v;
            }
            case "file" -> {
                try {
                    return Files.readString(Path.of(opaque));
                } catch (IOException e) {
                    problems.add(loc, path, "expand", "cannot read ${file:" + opaque + "}: " + e.getMessage());
                    return null;
                }
            }
            case "yaml" -> {
                return opaque;
            }
            default -> {
                problems.add(loc, path, "expand", "unsupported scheme '" + scheme + "' in ${" + scheme + ":...}");
                return null;
            }
        }
    }
}
