package io.ottl4j.collector.processor.internal;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.ConfigNode;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    public record Action(String key, Pattern pattern, Object value, String fromAttribute, String fromContext, Kind kind, String convertedType,
            Object defaultValue) {
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
            ConfigNode defaultNode = a.raw("default_value");
            Object defaultValue = defaultNode == null || defaultNode instanceof ConfigNode.NullNode ? null
                    : AnyValue.fromRaw(ConfigNode.toPlain(defaultNode));
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
                        } else if (pattern.groupCount() == 0) {
                            a.error("pattern", "error creating AttrProc due to no subexpressions in the pattern for the key \"" + k + "\"");
                        } else if (pattern.namedGroups().size() != pattern.groupCount()) {
                            // upstream puts every group under its name, so an unnamed one has nowhere to go
                            a.error("pattern", "error creating AttrProc due to subexpression not named in the pattern for the key \"" + k + "\"");
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
            out.add(new Action(k, pattern, value, from, fromContext, kind, converted, defaultValue));
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
                        v = a.defaultValue(); // only when value / from_attribute / from_context yielded nothing
                    }
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
                                // a group that did not take part in the match is "" upstream (Go's FindStringSubmatch)
                                String gv = m.group(g.getValue());
                                attrs.put(g.getKey(), gv == null ? "" : gv);
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

    /** Go's ParseFloat(s, 64) for the inputs that matter: no spaces or Java suffixes, inf/infinity/nan in any case. */
    private static Double parseGoFloat(String s) {
        String t = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        double sign = s.startsWith("-") ? -1 : 1;
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (t.isEmpty() || !GO_DECIMAL.matcher(t).matches()) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern GO_DECIMAL = java.util.regex.Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static Object source(Action a, AttributeMap attrs) {
        if (a.value() != null) {
            return a.value();
        }
        if (!a.fromContext().isEmpty()) {
            Object v = fromContext(io.ottl4j.collector.client.ClientInfo.current(), a.fromContext());
            if (v != null) {
                return v;
            }
        }
        if (!a.fromAttribute().isEmpty()) {
            return attrs.get(a.fromAttribute());
        }
        return null;
    }

    /**
     * Upstream's {@code from_context} keys, read from the client info of the request being processed (bound by the
     * receiver, carried by the batch processor): {@code client.address}, {@code metadata.<key>} (the request's
     * metadata, kept by receivers with {@code include_metadata}), {@code auth.<attribute>} (authenticator data, which
     * ottl4j's authenticators do not record: nothing is found), and any other key as a metadata key (upstream's
     * backwards-compatible fallback). Several values are joined with ";", as upstream joins them.
     */
    static Object fromContext(io.ottl4j.collector.client.ClientInfo info, String key) {
        List<String> values;
        if (key.equals("client.address")) {
            values = info.address().isEmpty() ? List.of() : List.of(info.address());
        } else if (key.startsWith("metadata.")) {
            values = info.get(key.substring("metadata.".length()));
        } else if (key.startsWith("auth.")) {
            values = List.of();
        } else {
            values = info.get(key);
        }
        return values.isEmpty() ? null : String.join(";", values);
    }

    /**
     * The SHA-256 hex digest of the value's bytes as upstream takes them: a string's UTF-8, one byte 1/0 for a
     * bool, the 8 little-endian bytes of an int or of a double's IEEE bits; any other type becomes "".
     */
    static String sha256(Object v) {
        byte[] bytes;
        switch (v) {
            case String s -> bytes = s.getBytes(StandardCharsets.UTF_8);
            case Boolean b -> bytes = new byte[] {(byte) (b ? 1 : 0)};
            case Long l -> bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(l).array();
            case Double d -> bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(Double.doubleToRawLongBits(d)).array();
            default -> {
                return "";
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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
                        return Long.parseLong(s); // like Go's ParseInt(s, 10, 64): no surrounding spaces
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
                    return parseGoFloat(s);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }
}
