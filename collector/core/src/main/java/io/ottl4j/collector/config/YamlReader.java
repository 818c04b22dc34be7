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

/** Reads YAML into {@link ConfigNode}s that carry the file, line and column of every value. */
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
            return node(p, source, lineOffset);
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

    private static ConfigNode node(JsonParser p, String source, int lineOffset) throws IOException {
        JsonToken t = p.currentToken();
        Location loc = loc(p, source, lineOffset);
        switch (t) {
            case START_OBJECT -> {
                Map<String, ConfigNode> entries = new LinkedHashMap<>();
                Map<String, Location> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    keys.put(key, loc(p, source, lineOffset));
                    p.nextToken();
                    entries.put(key, node(p, source, lineOffset));
                }
                return new ConfigNode.MapNode(entries, loc, keys);
            }
            case START_ARRAY -> {
                List<ConfigNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, source, lineOffset));
                }
                return new ConfigNode.ListNode(items, loc);
            }
            case VALUE_NULL -> {
                return new ConfigNode.NullNode(loc);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new ConfigNode.Scalar(p.getText(), t == JsonToken.VALUE_TRUE, loc);
            }
            case VALUE_NUMBER_INT -> {
                Object v;
                try {
                    v = p.getLongValue();
                } catch (IOException overflow) {
                    v = p.getText();
                }
                return new ConfigNode.Scalar(p.getText(), v, loc);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new ConfigNode.Scalar(p.getText(), p.getDoubleValue(), loc);
            }
            default -> {
                String text = p.getText();
                return new ConfigNode.Scalar(text, text, loc);
            }
        }
    }

    /** Parses a single YAML value written inline ({@code --set} values, whole-value env references). */
    public static ConfigNode parseValue(String text, Location location) {
        if (text.isEmpty()) {
            return ConfigNode.Scalar.string("", location);
        }
        try (JsonParser p = YAML.createParser("v: " + text)) {
            if (p.nextToken() == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME) {
                p.nextToken();
                ConfigNode n = node(p, location.source(), 0);
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
