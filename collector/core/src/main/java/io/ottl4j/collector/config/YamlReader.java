package io.ottl4j.collector.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into {@link ConfigNode}s that carry the file, line and column of every value. Anchors, aliases and merge
 * keys ({@code <<: *base}, {@code <<: [*a, *b]}) are resolved as Go's yaml.v3 resolves them for upstream's confmap:
 * an alias stands for the anchored node, and a merge adds the merged maps' keys that the map does not set itself (the
 * first merged map wins among them).
 */
public final class YamlReader {
    private static final YAMLFactory YAML = YAMLFactory.builder().enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

    private YamlReader() {
    }

    /** Parses the first YAML document of {@code text}; an empty document gives an empty map. */
    public static ConfigNode read(String text, String source) throws ConfigException {
        return read(text, source, 0);
    }

    /** As {@link #read(String, String)}, with reported lines shifted by {@code lineOffset} (for embedded documents). */
    public static ConfigNode read(String text, String source, int lineOffset) throws ConfigException {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return MapNode(source);
            }
            return node(p, source, lineOffset, new Anchors(scalarAnchors(text)));
        } catch (IOException e) {
            int line = 0;
            int col = 0;
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
                line = jpe.getLocation().getLineNr() + lineOffset;
                col = jpe.getLocation().getColumnNr();
            }
            String raw = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe2 ? jpe2.getOriginalMessage() : e.getMessage();
            StringBuilder msg = new StringBuilder();
            for (String part : String.valueOf(raw).split("\n")) {
                if (!part.isBlank() && !Character.isWhitespace(part.charAt(0))) {
                    msg.append(msg.isEmpty() ? "" : ": ").append(part.trim());
                }
            }
            throw new ConfigException(new ConfigProblem(new Location(source, line, col), "", "yaml", "invalid YAML: " + msg));
        }
    }

    private static ConfigNode MapNode(String source) {
        return ConfigNode.MapNode.empty(new Location(source, 1, 1));
    }

    private static Location loc(JsonParser p, String source, int lineOffset) {
        JsonLocation l = p.currentTokenLocation();
        return new Location(source, l.getLineNr() + lineOffset, l.getColumnNr());
    }

    /** The anchored nodes read so far, by anchor name, and the anchors of scalars by the position of their event. */
    private record Anchors(Map<String, ConfigNode> nodes, Map<String, String> scalars, Map<ConfigNode, Long> sizes) {
        Anchors(Map<String, String> scalars) {
            this(new java.util.HashMap<>(), scalars, new java.util.IdentityHashMap<>());
        }

        long size(ConfigNode n) {
            return sizes.getOrDefault(n, 1L);
        }
    }

    /**
     * Aliases share nodes, but every later walk of the tree (expansion, decoding) visits an aliased collection once per
     * use: a document whose nodes, aliases expanded, pass this count (a "billion laughs") is refused, as yaml.v3 refuses
     * excessive aliasing.
     */
    private static final long MAX_EXPANDED_NODES = 1_000_000;

    /**
     * Jackson's YAML parser reports the anchors of mappings and sequences but drops those of scalars; SnakeYAML's
     * event stream (the parser underneath Jackson's) has them, at the same start marks Jackson's token locations come from.
     */
    private static Map<String, String> scalarAnchors(String text) {
        if (text.indexOf('&') < 0) {
            return Map.of();
        }
        Map<String, String> out = new java.util.HashMap<>();
        try {
            for (org.yaml.snakeyaml.events.Event e : new org.yaml.snakeyaml.Yaml().parse(new java.io.StringReader(text))) {
                if (e instanceof org.yaml.snakeyaml.events.ScalarEvent sc && sc.getAnchor() != null) {
                    out.put(sc.getStartMark().getLine() + 1 + ":" + (sc.getStartMark().getColumn() + 1), sc.getAnchor());
                }
            }
        } catch (RuntimeException e) {
            // Jackson reports the syntax error itself
        }
        return out;
    }

    /** The node at the current token. */
    private static ConfigNode node(JsonParser p, String source, int lineOffset, Anchors anchors) throws IOException {
        JsonToken t = p.currentToken();
        Location loc = loc(p, source, lineOffset);
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            ConfigNode target = anchors.nodes().get(p.getText());
            if (target == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unknown anchor '" + p.getText() + "' referenced");
            }
            return target;
        }
        String anchor = p instanceof YAMLParser y ? y.getCurrentAnchor() : null;
        if (anchor == null && t.isScalarValue()) {
            JsonLocation at = p.currentTokenLocation();
            anchor = anchors.scalars().get(at.getLineNr() + ":" + at.getColumnNr());
        }
        ConfigNode out = switch (t) {
            case START_OBJECT -> {
                Map<String, ConfigNode> entries = new LinkedHashMap<>();
                Map<String, Location> keys = new LinkedHashMap<>();
                List<ConfigNode> merges = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyLoc = loc(p, source, lineOffset);
                    p.nextToken();
                    ConfigNode value = node(p, source, lineOffset, anchors);
                    if (key.equals("<<")) {
                        merges.add(value);
                        continue;
                    }
                    keys.put(key, keyLoc);
                    entries.put(key, value);
                }
                for (ConfigNode m : merges) {
                    List<ConfigNode> maps = m instanceof ConfigNode.ListNode l ? l.items() : List.of(m);
                    for (ConfigNode mm : maps) {
                        if (!(mm instanceof ConfigNode.MapNode merged)) {
                            throw new com.fasterxml.jackson.core.JsonParseException(p, "map merge requires map or sequence of maps as the value");
                        }
                        merged.entries().forEach((k, v) -> {
                            if (!entries.containsKey(k)) {
                                entries.put(k, v);
                                keys.put(k, merged.keyLocation(k));
                            }
                        });
                    }
                }
                yield new ConfigNode.MapNode(entries, loc, keys);
            }
            case START_ARRAY -> {
                List<ConfigNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, source, lineOffset, anchors));
                }
                yield new ConfigNode.ListNode(items, loc);
            }
            case VALUE_NULL -> new ConfigNode.NullNode(loc);
            case VALUE_TRUE, VALUE_FALSE -> new ConfigNode.Scalar(p.getText(), t == JsonToken.VALUE_TRUE, loc);
            case VALUE_NUMBER_INT -> {
                Object v;
                try {
                    v = p.getLongValue();
                } catch (IOException overflow) {
                    v = p.getText();
                }
                yield new ConfigNode.Scalar(p.getText(), v, loc);
            }
            case VALUE_NUMBER_FLOAT -> new ConfigNode.Scalar(p.getText(), p.getDoubleValue(), loc);
            default -> {
                String text = p.getText();
                yield new ConfigNode.Scalar(text, text, loc);
            }
        };
        long size = 1;
        if (out instanceof ConfigNode.MapNode m) {
            for (ConfigNode v : m.entries().values()) {
                size += anchors.size(v);
            }
        } else if (out instanceof ConfigNode.ListNode l) {
            for (ConfigNode v : l.items()) {
                size += anchors.size(v);
            }
        }
        if (size > MAX_EXPANDED_NODES) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "document contains excessive aliasing");
        }
        if (size > 1) {
            anchors.sizes().put(out, size);
        }
        if (anchor != null) {
            anchors.nodes().put(anchor, out); // a later anchor of the same name replaces it for the aliases after it, as in YAML
        }
        return out;
    }

    /** Parses a single YAML value written inline ({@code --set} values, whole-value env references). */
    public static ConfigNode parseValue(String text, Location location) {
        if (text.isEmpty()) {
            return ConfigNode.Scalar.string("", location);
        }
        try (JsonParser p = YAML.createParser("v: " + text)) {
            if (p.nextToken() == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME) {
                p.nextToken();
                ConfigNode n = node(p, location.source(), 0, new Anchors(Map.of()));
                return relocate(n, location);
            }
        } catch (IOException e) {
            // not YAML: keep the text
        }
        return ConfigNode.Scalar.string(text, location);
    }

    private static ConfigNode relocate(ConfigNode n, Location location) {
        return switch (n) {
            case ConfigNode.MapNode m -> {
                Map<String, ConfigNode> out = new LinkedHashMap<>();
                m.entries().forEach((k, v) -> out.put(k, relocate(v, location)));
                yield new ConfigNode.MapNode(out, location);
            }
            case ConfigNode.ListNode l -> new ConfigNode.ListNode(l.items().stream().map(i -> relocate(i, location)).toList(), location);
            case ConfigNode.Scalar s -> new ConfigNode.Scalar(s.text(), s.value(), location);
            case ConfigNode.NullNode x -> new ConfigNode.NullNode(location);
        };
    }

    static boolean isYamlParser(JsonParser p) {
        return p instanceof YAMLParser;
    }
}
