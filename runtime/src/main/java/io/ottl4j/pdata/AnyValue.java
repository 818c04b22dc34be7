package io.ottl4j.pdata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Static helpers for stored values (pdata's {@code pcommon.Value}).
 *
 * <p>A stored value is a plain Java object, never null: {@code String}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code byte[]}, {@link AttributeMap} (map), {@link AttributeList} (slice) or
 * {@link #EMPTY}. Keeping them unwrapped means attribute reads allocate nothing and the engine can
 * dispatch on the Java class directly. Stored {@code byte[]} are treated as immutable: replace, never
 * write into them.
 */
public final class AnyValue {
    private AnyValue() {}

    /** The kind of a stored value, as pdata's {@code pcommon.ValueType}. */
    public enum ValueType {
        EMPTY("Empty"),
        STRING("Str"),
        BOOL("Bool"),
        INT("Int"),
        DOUBLE("Double"),
        BYTES("Bytes"),
        MAP("Map"),
        SLICE("Slice");

        private final String pdataName;

        ValueType(String pdataName) {
            this.pdataName = pdataName;
        }

        /** The name pdata prints ({@code ValueType.String()}), used in OTTL error messages such as "type Str does not support…". */
        public String pdataName() {
            return pdataName;
        }
    }

    /** The empty value (pdata {@code ValueTypeEmpty}); compare with {@code ==}. */
    public static final Object EMPTY = new Object() {
        @Override
        public String toString() {
            return "EMPTY";
        }
    };

    /** The kind of a stored value; throws {@link IllegalArgumentException} for anything that is not one. */
    public static ValueType typeOf(Object v) {
        if (v instanceof String) {
            return ValueType.STRING;
        } else if (v instanceof Long) {
            return ValueType.INT;
        } else if (v instanceof Double) {
            return ValueType.DOUBLE;
        } else if (v instanceof Boolean) {
            return ValueType.BOOL;
        } else if (v instanceof AttributeMap) {
            return ValueType.MAP;
        } else if (v instanceof AttributeList) {
            return ValueType.SLICE;
        } else if (v instanceof byte[]) {
            return ValueType.BYTES;
        } else if (v == EMPTY) {
            return ValueType.EMPTY;
        }
        throw notStorable(v);
    }

    /** True when {@code v} is one of the stored-value kinds. */
    public static boolean isStored(Object v) {
        return v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean
                || v instanceof AttributeMap || v instanceof AttributeList || v instanceof byte[] || v == EMPTY;
    }

    /** Returns {@code v} if it is a stored value; null → NPE, anything else → IllegalArgumentException. */
    static Object checkStored(Object v) {
        if (v == null) {
            throw new NullPointerException("stored values are never null; use AnyValue.EMPTY");
        }
        if (!isStored(v)) {
            throw notStorable(v);
        }
        return v;
    }

    private static IllegalArgumentException notStorable(Object v) {
        return new IllegalArgumentException("not a stored value kind: "
                + (v == null ? "null" : v.getClass().getName())
                + " (expected String, Long, Double, Boolean, byte[], AttributeMap, AttributeList or AnyValue.EMPTY)");
    }

    /** A deep copy: maps and lists are copied recursively, byte arrays cloned, immutable values shared. */
    public static Object deepCopy(Object v) {
        if (v instanceof AttributeMap m) {
            return m.deepCopy();
        } else if (v instanceof AttributeList l) {
            return l.deepCopy();
        } else if (v instanceof byte[] b) {
            return b.clone();
        }
        return v;
    }

    /**
     * Structural equality of stored values: typed ({@code 1L} ≠ {@code 1.0}), bytes by content, maps
     * ignoring key order (as pdata's {@code Map.Equal}), lists in order. Doubles compare as
     * {@link Double#equals} (NaN equals NaN, 0.0 ≠ -0.0) so that {@code equals}/{@code hashCode} stay lawful.
     */
    public static boolean deepEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof byte[] x) {
            return b instanceof byte[] y && Arrays.equals(x, y);
        }
        return a.equals(b); // String, Long, Double, Boolean, AttributeMap, AttributeList
    }

    /** A hash consistent with {@link #deepEquals}. */
    public static int deepHashCode(Object v) {
        if (v instanceof byte[] b) {
            return Arrays.hashCode(b);
        }
        return v == null ? 0 : v.hashCode();
    }

    /**
     * Exactly pdata's {@code Value.AsString()}: empty → {@code ""}, strings as they are, bools
     * {@code true}/{@code false}, ints in decimal, doubles in JSON number form ({@link GoFloat#formatJson}:
     * {@code 1.0} → {@code 1}, {@code 1e21} → {@code 1e+21}, NaN → {@code NaN}), bytes as standard base64,
     * maps and slices as compact JSON with sorted keys ({@link #toJson}); a map or slice holding a non-finite
     * double gives {@code ""} (Go's encoder fails and pdata ignores the error).
     */
    public static String asString(Object v) {
        if (v instanceof String s) {
            return s;
        } else if (v instanceof Long l) {
            return Long.toString(l);
        } else if (v instanceof Double d) {
            return GoFloat.formatJson(d);
        } else if (v instanceof Boolean b) {
            return b ? "true" : "false";
        } else if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        } else if (v instanceof AttributeMap || v instanceof AttributeList) {
            String json = toJson(v);
            return json == null ? "" : json;
        } else if (v == EMPTY) {
            return "";
        }
        throw notStorable(v);
    }

    /**
     * Go's {@code json.Marshal(value.AsRaw())}: compact, map keys sorted by code point, no HTML escaping,
     * bytes as base64 (empty bytes as {@code null}), empty as {@code null}, doubles as
     * {@link GoFloat#formatJson}. Returns null when Go fails (a NaN or infinite double anywhere inside).
     */
    public static String toJson(Object v) {
        checkStored(v);
        StringBuilder sb = new StringBuilder();
        try {
            GoJson.append(sb, v, true, true);
        } catch (GoJson.Unencodable e) {
            return null;
        }
        return sb.toString();
    }

    /** Readable JSON in insertion order (non-finite doubles as strings); what {@code toString()} shows. */
    public static String toDebugJson(Object v) {
        StringBuilder sb = new StringBuilder();
        GoJson.append(sb, v, false, false);
        return sb.toString();
    }

    /**
     * pdata's {@code AsRaw()} in Java terms: String/Long/Double/Boolean/byte[] as they are, maps as
     * {@link LinkedHashMap} (insertion order), slices as {@link ArrayList}, empty as null. A deep copy.
     */
    public static Object toRaw(Object v) {
        if (v instanceof AttributeMap m) {
            Map<String, Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 4 / 3 + 1));
            for (int i = 0, n = m.size(); i < n; i++) {
                out.put(m.keyAt(i), toRaw(m.valueAt(i)));
            }
            return out;
        } else if (v instanceof AttributeList l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0, n = l.size(); i < n; i++) {
                out.add(toRaw(l.get(i)));
            }
            return out;
        } else if (v instanceof byte[] b) {
            return b.clone();
        } else if (v == EMPTY) {
            return null;
        }
        return checkStored(v);
    }

    /**
     * The inverse of {@link #toRaw} (pdata {@code FromRaw}), accepting common Java types: null → empty,
     * Integer/Short/Byte → Long, Float → Double, CharSequence → String, Map (keys via {@code toString}) →
     * map, Collection or Object[] → slice, byte[] copied; stored maps/lists are deep-copied.
     *
     * @throws IllegalArgumentException for other types
     */
    public static Object fromRaw(Object raw) {
        if (raw == null || raw == EMPTY) {
            return EMPTY;
        } else if (raw instanceof String || raw instanceof Long || raw instanceof Double || raw instanceof Boolean) {
            return raw;
        } else if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        } else if (raw instanceof Float f) {
            return f.doubleValue();
        } else if (raw instanceof CharSequence cs) {
            return cs.toString();
        } else if (raw instanceof byte[] b) {
            return b.clone();
        } else if (raw instanceof AttributeMap || raw instanceof AttributeList) {
            return deepCopy(raw);
        } else if (raw instanceof Map<?, ?> m) {
            AttributeMap out = new AttributeMap(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), fromRaw(e.getValue()));
            }
            return out;
        } else if (raw instanceof Collection<?> c) {
            AttributeList out = new AttributeList(c.size());
            for (Object o : c) {
                out.add(fromRaw(o));
            }
            return out;
        } else if (raw instanceof Object[] arr) {
            AttributeList out = new AttributeList(arr.length);
            for (Object o : arr) {
                out.add(fromRaw(o));
            }
            return out;
        }
        throw new IllegalArgumentException("cannot convert " + raw.getClass().getName() + " to a stored value");
    }
}
