package io.ottl4j.collector.processor.internal;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.ConfigNode;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The attribute actions of the {@code attributes} and {@code resource} processors (collector-spec §3.3):
 * insert, update, upsert, delete, hash (SHA-256), extract (named groups) and convert, applied in order.
 */
public final class AttributeActions {
    public enum Kind { INSERT, UPDATE, UPSERT, DELETE, HASH, EXTRACT, CONVERT }

    /** One configured action. */
    public record Action(String key, Pattern pattern, Object value, String fromAttribute, String fromContext, Kind kind, String convertedType) {
    }

    private final List<Action> actions;

    private AttributeActions(List<Action> actions) {
        this.actions = actions;
    }

    public List<Action> actions() {
        return actions;
    }

    /** Decodes the list under {@code key}; reports problems with their key paths. */
    public static AttributeActions decode(Conf parent, String key) {
        List<Action> out = new ArrayList<>();
        for (Conf a : parent.list(key)) {
            String k = a.string("key", "");
            String patternText = a.string("pattern", "");
            ConfigNode valueNode = a.raw("value");
            String from = a.string("from_attribute", "");
            String fromContext = a.string("from_context", "");
            String actionText = a.string("action", "");
            String converted = a.string("converted_type", "");
            a.raw("default_value");
            Kind kind = null;
            try {
                kind = Kind.valueOf(actionText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                a.error("action", "error creating AttrProc due to unsupported action \"" + actionText
                        + "\": use insert, update, upsert, delete, hash, extract or convert");
            }
            Pattern pattern = null;
            if (!patternText.isEmpty()) {
                try {
                    pattern = Pattern.compile(patternText);
                } catch (PatternSyntaxException e) {
                    a.error("pattern", "error creating AttrProc: invalid regex pattern: " + e.getMessage());
                }
            }
            Object value = valueNode == null || valueNode instanceof ConfigNode.NullNode ? null : AnyValue.fromRaw(ConfigNode.toPlain(valueNode));
            if (kind != null) {
                switch (kind) {
                    case INSERT, UPDATE, UPSERT -> {
                        if (k.isEmpty()) {
                            a.error("key", "error creating AttrProc due to missing required field \"key\"");
                        }
                        int sources = (value != null ? 1 : 0) + (from.isEmpty() ? 0 : 1) + (fromContext.isEmpty() ? 0 : 1);
                        if (sources != 1) {
                            a.error("action", "error creating AttrProc due to missing value source for action \"" + actionText
                                    + "\": exactly one of value, from_attribute or from_context must be set");
                        }
                        if (pattern != null) {
                            a.error("pattern", "error creating AttrProc: action \"" + actionText + "\" does not use pattern");
                        }
                    }
                    case DELETE, HASH -> {
                        if (k.isEmpty() && pattern == null) {
                            a.error("key", "error creating AttrProc due to missing required field \"key\" or \"pattern\" for action \""
                                    + actionText + "\"");
                        }
                    }
                    case EXTRACT -> {
                        if (k.isEmpty()) {
                            a.error("key", "error creating AttrProc due to missing required field \"key\"");
                        }
                        if (pattern == null) {
                            a.error("pattern", "error creating AttrProc due to missing required field \"pattern\" for action \"extract\"");
                        } else if (pattern.namedGroups().isEmpty()) {
                            a.error("pattern", "error creating AttrProc due to no named subexpressions in the pattern for the key \"" + k + "\"");
                        }
                    }
                    case CONVERT -> {
                        if (k.isEmpty()) {
                            a.error("key", "error creating AttrProc due to missing required field \"key\"");
                        }
                        if (!List.of("int", "double", "string").contains(converted)) {
                            a.error("converted_type", "error creating AttrProc due to invalid converted_type \"" + converted
                                    + "\": use int, double or string");
                        }
                    }
                }
            }
            a.finish();
            out.add(new Action(k, pattern, value, from, fromContext, kind, converted));
        }
        return new AttributeActions(List.copyOf(out));
    }

    /** Applies every action in order. */
    public void apply(AttributeMap attrs) {
        for (Action a : actions) {
            if (a.kind() == null) {
                continue;
            }
            switch (a.kind()) {
                case INSERT, UPDATE, UPSERT -> {
                    Object v = source(a, attrs);
                    if (v == null) {
                        continue;
                    }
                    boolean present = attrs.containsKey(a.key());
                    if (a.kind() == Kind.INSERT && present || a.kind() == Kind.UPDATE && !present) {
                        continue;
                    }
                    attrs.put(a.key(), AnyValue.deepCopy(v));
                }
                case DELETE -> {
                    if (!a.key().isEmpty()) {
                        attrs.remove(a.key());
                    }
                    if (a.pattern() != null) {
                        attrs.removeIf((k, v) -> a.pattern().matcher(k).find());
                    }
                }
                case HASH -> {
                    for (int i = 0; i < attrs.size(); i++) {
                        String k = attrs.keyAt(i);
                        if (k.equals(a.key()) || a.pattern() != null && a.pattern().matcher(k).find()) {
                            attrs.setValueAt(i, sha256(attrs.valueAt(i)));
                        }
                    }
                }
                case EXTRACT -> {
                    Object v = attrs.get(a.key());
                    if (v instanceof String s) {
                        Matcher m = a.pattern().matcher(s);
                        if (m.find()) {
                            for (Map.Entry<String, Integer> g : a.pattern().namedGroups().entrySet()) {
                                String gv = m.group(g.getValue());
                                if (gv != null) {
                                    attrs.put(g.getKey(), gv);
                                }
                            }
                        }
                    }
                }
                case CONVERT -> {
                    Object v = attrs.get(a.key());
                    if (v != null) {
                        Object c = convert(v, a.convertedType());
                        if (c != null) {
                            attrs.put(a.key(), c);
                        }
                    }
                }
            }
        }
    }

    private static Object source(Action a, AttributeMap attrs) {
        if (a.value() != null) {
            return a.value();
        }
        if (!a.fromAttribute().isEmpty()) {
            return attrs.get(a.fromAttribute());
        }
        return null; // from_context: request metadata is not propagated in ottl4j yet
    }

    private static String sha256(Object v) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(AnyValue.asString(v).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object convert(Object v, String type) {
        switch (type) {
            case "string" -> {
                return AnyValue.asString(v);
            }
            case "int" -> {
                if (v instanceof Long) {
                    return v;
                }
                if (v instanceof Double d) {
                    return d.longValue();
                }
                if (v instanceof Boolean b) {
                    return b ? 1L : 0L;
                }
                if (v instanceof String s) {
                    try {
                        return Long.parseLong(s.trim());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
                return null;
            }
            case "double" -> {
                if (v instanceof Double) {
                    return v;
                }
                if (v instanceof Long l) {
                    return l.doubleValue();
                }
                if (v instanceof Boolean b) {
                    return b ? 1.0 : 0.0;
                }
                if (v instanceof String s) {
                    try {
                        return Double.parseDouble(s.trim());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }
}
