package io.ottl4j.language.function;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.GoFloat;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.TraceId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The OTTL value model: type names, the coercions of upstream's "Like" getters, and the conversion of
 * values into what an attribute slot stores. Runtime values are: {@code null} (nil), String, Long, Double,
 * Boolean, byte[], {@link AttributeMap} (pdata map, live), {@link AttributeList} (pdata slice, live),
 * {@code List<?>} (native list, e.g. a list literal or a converter result), {@code Map<String,?>}
 * (native map), {@link TraceId}, {@link SpanId}, {@link ZonedDateTime}, {@link Duration}, and opaque
 * context objects (span events, data points...).
 */
public final class Values {
    private static final HexFormat HEX = HexFormat.of();

    private Values() {
    }

    /** The OTTL name of a value's type, as used in error messages. */
    @TruffleBoundary
    public static String typeName(Object v) {
        if (v == null) {
            return "nil";
        } else if (v instanceof String) {
            return "string";
        } else if (v instanceof Long) {
            return "int";
        } else if (v instanceof Double) {
            return "double";
        } else if (v instanceof Boolean) {
            return "bool";
        } else if (v instanceof byte[]) {
            return "bytes";
        } else if (v instanceof AttributeMap || v instanceof Map) {
            return "map";
        } else if (v instanceof AttributeList || v instanceof List) {
            return "list";
        } else if (v instanceof ZonedDateTime) {
            return "time";
        } else if (v instanceof Duration) {
            return "duration";
        } else if (v instanceof TraceId) {
            return "trace id";
        } else if (v instanceof SpanId) {
            return "span id";
        } else if (v == AnyValue.EMPTY) {
            return "empty value";
        }
        return v.getClass().getSimpleName();
    }

    /** A strict getter's type error, which {@code Is*} converters turn into false. */
    @TruffleBoundary
    public static OttlRuntimeException typeError(String expected, Object got, Node location) {
        String role = location instanceof ArgumentGetter g ? g.role() : null;
        return new OttlRuntimeException((role == null ? "" : role + ": ") + "expected " + expected + " but got " + typeName(got),
                location, true);
    }

    private static String prefix(Node location) {
        String role = location instanceof ArgumentGetter g ? g.role() : null;
        return role == null ? "" : role + ": ";
    }

    /** Reads a stored attribute value as an OTTL value: the empty value reads as nil. */
    public static Object fromStored(Object stored) {
        return stored == AnyValue.EMPTY ? null : stored;
    }

    // ---------------------------------------------------------------- writing into attribute slots

    /** Sentinel for values an attribute slot cannot hold (times, ids...): upstream ignores them. */
    public static final Object UNSTORABLE = new Object() {
        @Override
        public String toString() {
            return "<unstorable>";
        }
    };

    /**
     * Converts an OTTL value into what an attribute, body or cache slot stores (a fresh copy for maps and
     * lists), or {@link #UNSTORABLE} for values upstream silently ignores on write.
     */
    @TruffleBoundary
    public static Object toStored(Object v) {
        if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
            return v;
        } else if (v == null) {
            return AnyValue.EMPTY;
        } else if (v instanceof byte[] b) {
            return b.clone();
        } else if (v instanceof Integer i) {
            return (long) i;
        } else if (v instanceof AttributeMap m) {
            return m.deepCopy();
        } else if (v instanceof AttributeList l) {
            return l.deepCopy();
        } else if (v instanceof List<?> list) {
            AttributeList out = new AttributeList();
            for (Object e : list) {
                Object s = toStored(e);
                out.add(s == UNSTORABLE ? AnyValue.EMPTY : s);
            }
            return out;
        } else if (v instanceof Map<?, ?> map) {
            AttributeMap out = new AttributeMap();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object s = toStored(e.getValue());
                out.put(String.valueOf(e.getKey()), s == UNSTORABLE ? AnyValue.EMPTY : s);
            }
            return out;
        } else if (v == AnyValue.EMPTY) {
            return v;
        }
        return UNSTORABLE;
    }

    // ---------------------------------------------------------------- "Like" coercions

    /** StringLikeGetter: nil stays nil; bytes become hex; maps and lists JSON; other values JSON. */
    @TruffleBoundary
    public static String stringLike(Object v, Node location) {
        if (v == null) {
            return null;
        } else if (v instanceof String s) {
            return s;
        } else if (v instanceof byte[] b) {
            return HEX.formatHex(b);
        } else if (v instanceof AttributeMap || v instanceof AttributeList) {
            return AnyValue.toJson(v);
        }
        return toJson(v, location);
    }

    /** IntLikeGetter: nil and unparsable strings give nil. */
    @TruffleBoundary
    public static Long intLike(Object v, Node location) {
        if (v == null) {
            return null;
        } else if (v instanceof Long l) {
            return l;
        } else if (v instanceof Double d) {
            return (long) d.doubleValue();
        } else if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        } else if (v instanceof String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        throw new OttlRuntimeException(prefix(location) + "unsupported type: " + typeName(v) + " cannot be converted to int", location, true);
    }

    /** FloatLikeGetter: nil gives nil; unparsable strings are an error. */
    @TruffleBoundary
    public static Double floatLike(Object v, Node location) {
        if (v == null) {
            return null;
        } else if (v instanceof Double d) {
            return d;
        } else if (v instanceof Long l) {
            return (double) l;
        } else if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        } else if (v instanceof String s) {
            Double d = parseGoFloat(s);
            if (d == null) {
                throw new OttlRuntimeException(prefix(location) + "could not convert \"" + s + "\" to a double", location);
            }
            return d;
        }
        throw new OttlRuntimeException(prefix(location) + "unsupported type: " + typeName(v) + " cannot be converted to double", location, true);
    }

    /** BoolLikeGetter: nil gives nil; numbers are true when non-zero; strings parse as Go's ParseBool. */
    @TruffleBoundary
    public static Boolean boolLike(Object v, Node location) {
        if (v == null) {
            return null;
        } else if (v instanceof Boolean b) {
            return b;
        } else if (v instanceof Long l) {
            return l != 0;
        } else if (v instanceof Double d) {
            return d != 0;
        } else if (v instanceof String s) {
            Boolean b = parseGoBool(s);
            if (b == null) {
                throw new OttlRuntimeException(prefix(location) + "could not convert \"" + s + "\" to a bool", location);
            }
            return b;
        }
        throw new OttlRuntimeException(prefix(location) + "unsupported type: " + typeName(v) + " cannot be converted to bool", location, true);
    }

    /** ByteSliceLikeGetter: strings as UTF-8, numbers and bools as big-endian binary. */
    @TruffleBoundary
    public static byte[] byteSliceLike(Object v, Node location) {
        if (v == null) {
            return null;
        } else if (v instanceof byte[] b) {
            return b;
        } else if (v instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        } else if (v instanceof Long l) {
            return ByteBuffer.allocate(8).putLong(l).array();
        } else if (v instanceof Double d) {
            return ByteBuffer.allocate(8).putDouble(d).array();
        } else if (v instanceof Boolean b) {
            return new byte[] {(byte) (b ? 1 : 0)};
        }
        throw new OttlRuntimeException(prefix(location) + "unsupported type: " + typeName(v) + " cannot be converted to bytes", location, true);
    }

    /** A strict map getter also accepts a native map, copied into a new pdata map. */
    @TruffleBoundary
    public static AttributeMap toAttributeMap(Object v, Node location) {
        if (v instanceof AttributeMap m) {
            return m;
        } else if (v instanceof Map<?, ?>) {
            return (AttributeMap) toStored(v);
        }
        throw typeError("map", v, location);
    }

    // ---------------------------------------------------------------- Go formatting and parsing

    /** Go's {@code json.Marshal} of a native value, as upstream's StringLikeGetter uses. */
    @TruffleBoundary
    public static String toJson(Object v, Node location) {
        StringBuilder sb = new StringBuilder();
        appendJson(sb, v, location);
        return sb.toString();
    }

    private static void appendJson(StringBuilder sb, Object v, Node location) {
        if (v == null || v == AnyValue.EMPTY) {
            sb.append("null");
        } else if (v instanceof String s) {
            appendJsonString(sb, s);
        } else if (v instanceof Long || v instanceof Integer) {
            sb.append(v);
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new OttlRuntimeException("json: unsupported value: " + formatFloat(d), location);
            }
            sb.append(jsonFloat(d));
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof byte[] b) {
            // Go marshals []byte as base64
            appendJsonString(sb, java.util.Base64.getEncoder().encodeToString(b));
        } else if (v instanceof AttributeMap || v instanceof AttributeList) {
            sb.append(AnyValue.toJson(v));
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                appendJson(sb, list.get(i), location);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> map) {
            // Go sorts map keys when marshalling
            sb.append('{');
            boolean first = true;
            for (Object k : new java.util.TreeSet<>(map.keySet().stream().map(String::valueOf).toList())) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                appendJsonString(sb, (String) k);
                sb.append(':');
                appendJson(sb, map.get(k), location);
            }
            sb.append('}');
        } else if (v instanceof TraceId || v instanceof SpanId) {
            byte[] b = v instanceof TraceId t ? t.bytes() : ((SpanId) v).bytes();
            sb.append('[');
            for (int i = 0; i < b.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(b[i] & 0xff);
            }
            sb.append(']');
        } else if (v instanceof ZonedDateTime t) {
            appendJsonString(sb, t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } else if (v instanceof Duration d) {
            sb.append(durationNanos(d));
        } else {
            throw new OttlRuntimeException("unsupported type: " + typeName(v) + " has no string form", location, true);
        }
    }

    public static void appendJsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
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

    /** Go {@code strconv.FormatFloat(f, 'f', -1, 64)}: shortest digits, never an exponent. */
    public static String formatFloat(double d) {
        return GoFloat.formatF(d);
    }

    /** Go's encoding/json float64 format: 'f' unless the magnitude needs an exponent. */
    public static String jsonFloat(double d) {
        return GoFloat.formatJson(d);
    }

    /** Go's {@code strconv.ParseFloat(s, 64)}; null when it would fail. */
    @TruffleBoundary
    public static Double parseGoFloat(String s) {
        String t = s;
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        switch (lower) {
            case "inf", "+inf", "infinity", "+infinity" -> { return Double.POSITIVE_INFINITY; }
            case "-inf", "-infinity" -> { return Double.NEGATIVE_INFINITY; }
            case "nan" -> { return Double.NaN; }
            default -> { }
        }
        if (t.isEmpty() || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?0[xX][0-9a-fA-F.]+[pP][+-]?\\d+")) {
            return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Go's {@code strconv.ParseBool}; null when it would fail. */
    public static Boolean parseGoBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
            case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A duration in nanoseconds, saturating like Go's int64 durations. */
    public static long durationNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** Converts a pdata or native list into a Java list of OTTL values. */
    @TruffleBoundary
    public static List<Object> asList(Object v) {
        if (v instanceof AttributeList l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object e : l) {
                out.add(fromStored(e));
            }
            return out;
        } else if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return null;
    }
}
