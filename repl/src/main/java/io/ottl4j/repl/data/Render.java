package io.ottl4j.repl.data;

import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.GoFloat;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** How the REPL prints values: OTTL literal syntax where there is one, so output can be pasted back. */
public final class Render {
    private Render() {
    }

    /** An OTTL value (nil, string, int, double, bool, bytes, map, list, time, duration) on one line. */
    public static String value(Object v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("nil");
            case String s -> quote(sb, s);
            case Long l -> sb.append(l);
            case Integer i -> sb.append(i);
            case Double d -> sb.append(GoFloat.formatJson(d));
            case Boolean b -> sb.append(b);
            case byte[] b -> sb.append("0x").append(HexFormat.of().formatHex(b));
            case AttributeMap m -> {
                sb.append('{');
                for (int i = 0; i < m.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    quote(sb, m.keyAt(i));
                    sb.append(": ");
                    append(sb, m.valueAt(i));
                }
                sb.append('}');
            }
            case AttributeList l -> {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    append(sb, l.get(i));
                }
                sb.append(']');
            }
            case Map<?, ?> m -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    quote(sb, String.valueOf(e.getKey()));
                    sb.append(": ");
                    append(sb, e.getValue());
                }
                sb.append('}');
            }
            case List<?> l -> {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    append(sb, l.get(i));
                }
                sb.append(']');
            }
            case long[] a -> {
                sb.append('[');
                for (int i = 0; i < a.length; i++) {
                    sb.append(i > 0 ? ", " : "").append(a[i]);
                }
                sb.append(']');
            }
            case double[] a -> {
                sb.append('[');
                for (int i = 0; i < a.length; i++) {
                    sb.append(i > 0 ? ", " : "").append(GoFloat.formatJson(a[i]));
                }
                sb.append(']');
            }
            case ZonedDateTime t -> sb.append(DateTimeFormatter.ISO_INSTANT.format(t.toInstant()));
            case java.time.Duration d -> sb.append(d);
            default -> {
                if (v == AnyValue.EMPTY) {
                    sb.append("<empty>");
                } else {
                    sb.append(v);
                }
            }
        }
    }

    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    public static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        quote(sb, s);
        return sb.toString();
    }

    /** A time in ns since the epoch, with its UTC date for reading. */
    public static String unixNano(long ns) {
        if (ns == 0) {
            return "0";
        }
        Instant i = Instant.ofEpochSecond(0, ns);
        return ns + " (" + DateTimeFormatter.ISO_INSTANT.format(i) + ")";
    }

    public static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    /** Shortens {@code s} to {@code max} characters with an ellipsis. */
    public static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
    }
}
