package io.ottl4j.language.internal.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.Values;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import java.util.List;
import java.util.Map;

/**
 * Reading and writing through keys: {@code attributes["a"][0]["b"]} on paths (missing map keys read
 * nil, writes create structure) and {@code Split(x, ",")[0]} on converter results (missing keys are
 * errors), with upstream's error texts.
 */
public final class Keyed {
    private Keyed() {
    }

    // ------------------------------------------------------------------ paths (spec §5.3, §5.8)

    /** Reads {@code keys} below a pdata map; the first key must be a string. */
    @TruffleBoundary
    public static Object readMap(AttributeMap map, Object[] keys, Node loc) {
        String first = mapKey(keys[0], loc);
        Object v = map.get(first);
        if (v == null) {
            return null;
        }
        return descend(v, keys, 1, loc);
    }

    /** Reads {@code keys} below a stored any-value (a log body). */
    @TruffleBoundary
    public static Object readValue(Object stored, Object[] keys, Node loc) {
        if (!(stored instanceof AttributeMap) && !(stored instanceof AttributeList)) {
            throw new OttlRuntimeException("log bodies of type " + pdataType(stored) + " cannot be indexed", loc);
        }
        return descend(stored, keys, 0, loc);
    }

    private static Object descend(Object stored, Object[] keys, int from, Node loc) {
        Object v = stored;
        for (int i = from; i < keys.length; i++) {
            Object k = keys[i];
            if (v instanceof AttributeMap m) {
                if (!(k instanceof String s)) {
                    throw new OttlRuntimeException("map must be indexed by a string, got " + keyType(k), loc);
                }
                v = m.get(s);
                if (v == null) {
                    return null;
                }
            } else if (v instanceof AttributeList l) {
                if (!(k instanceof Long idx)) {
                    throw new OttlRuntimeException("slice must be indexed by an int, got " + keyType(k), loc);
                }
                if (idx < 0 || idx >= l.size()) {
                    throw new OttlRuntimeException("index " + idx + " out of bounds", loc);
                }
                v = l.get((int) (long) idx);
            } else {
                throw new OttlRuntimeException("type " + pdataType(v) + " does not support string indexing", loc);
            }
        }
        return Values.fromStored(v);
    }

    /** Writes a stored value below a pdata map, creating maps and lists through empty values. */
    @TruffleBoundary
    public static void writeMap(AttributeMap map, Object[] keys, Object stored, Node loc) {
        String first = mapKey(keys[0], loc);
        Slot slot = new Slot(map, first, -1);
        writeFrom(slot, keys, 1, stored, loc);
    }

    /** Writes a stored value below a stored map or list (a log body). */
    @TruffleBoundary
    public static void writeValue(Object container, Object[] keys, Object stored, Node loc) {
        Object k = keys[0];
        Slot slot;
        if (container instanceof AttributeMap m) {
            slot = new Slot(m, mapKey(k, loc), -1);
        } else if (container instanceof AttributeList l) {
            slot = new Slot(l, null, listIndex(l, k, loc));
        } else {
            throw new OttlRuntimeException("log bodies of type " + pdataType(container) + " cannot be indexed", loc);
        }
        writeFrom(slot, keys, 1, stored, loc);
    }

    private static void writeFrom(Slot slot, Object[] keys, int from, Object stored, Node loc) {
        Slot s = slot;
        for (int i = from; i < keys.length; i++) {
            Object k = keys[i];
            Object v = s.getOrCreate();
            if (v instanceof AttributeMap m) {
                s = new Slot(m, mapKey(k, loc), -1);
            } else if (v instanceof AttributeList l) {
                s = new Slot(l, null, listIndex(l, k, loc));
            } else if (v == AnyValue.EMPTY) {
                if (k instanceof String str) {
                    AttributeMap m = new AttributeMap();
                    s.put(m);
                    s = new Slot(m, str, -1);
                } else if (k instanceof Long n && n >= 0) {
                    AttributeList l = new AttributeList();
                    for (long j = 0; j <= n; j++) {
                        l.add(AnyValue.EMPTY);
                    }
                    s.put(l);
                    s = new Slot(l, null, (int) (long) n);
                } else {
                    throw new OttlRuntimeException("invalid key type " + keyType(k), loc);
                }
            } else {
                throw new OttlRuntimeException("type " + pdataType(v) + " does not support string indexing", loc);
            }
        }
        if (stored == Values.UNSTORABLE) {
            s.getOrCreate();
        } else {
            s.put(stored);
        }
    }

    /** A place in a map (by key) or a list (by index). */
    private record Slot(Object container, String key, int index) {
        Object getOrCreate() {
            if (container instanceof AttributeMap m) {
                Object v = m.get(key);
                if (v == null) {
                    m.put(key, AnyValue.EMPTY);
                    return AnyValue.EMPTY;
                }
                return v;
            }
            return ((AttributeList) container).get(index);
        }

        void put(Object v) {
            if (container instanceof AttributeMap m) {
                m.put(key, v);
            } else {
                ((AttributeList) container).set(index, v);
            }
        }
    }

    private static String mapKey(Object k, Node loc) {
        if (k instanceof String s) {
            return s;
        }
        throw new OttlRuntimeException("unable to resolve a string index in map: expecting 'string' but got '" + keyType(k) + "'", loc);
    }

    private static int listIndex(AttributeList l, Object k, Node loc) {
        if (!(k instanceof Long idx)) {
            throw new OttlRuntimeException("unable to resolve an integer index in slice: expecting 'int' but got '" + keyType(k) + "'", loc);
        }
        if (idx < 0 || idx >= l.size()) {
            throw new OttlRuntimeException("index " + idx + " out of bounds", loc);
        }
        return (int) (long) idx;
    }

    // ------------------------------------------------------------------ converter results (spec §5.4)

    /** Indexes a converter's result; here a missing map key is an error, unlike on paths. */
    @TruffleBoundary
    public static Object index(Object value, Object[] keys, Node loc) {
        Object v = value;
        for (Object k : keys) {
            if (v instanceof AttributeMap m) {
                Object stored = m.get(stringKey(v, k, loc));
                if (stored == null) {
                    throw new OttlRuntimeException("key not found in map", loc);
                }
                v = Values.fromStored(stored);
            } else if (v instanceof Map<?, ?> m) {
                String s = stringKey(v, k, loc);
                if (!m.containsKey(s)) {
                    throw new OttlRuntimeException("key not found in map", loc);
                }
                v = m.get(s);
            } else if (v instanceof AttributeList l) {
                v = Values.fromStored(l.get(intKey(v, k, l.size(), loc)));
            } else if (v instanceof List<?> l) {
                v = l.get(intKey(v, k, l.size(), loc));
            } else if (v instanceof byte[] b) {
                v = (long) b[intKey(v, k, b.length, loc)];
            } else {
                throw new OttlRuntimeException("type, " + Values.typeName(v) + ", does not support "
                        + (k instanceof String ? "string" : "int") + " indexing", loc);
            }
        }
        return v;
    }

    private static String stringKey(Object v, Object k, Node loc) {
        if (k instanceof String s) {
            return s;
        }
        throw new OttlRuntimeException("type, " + Values.typeName(v) + ", does not support int indexing", loc);
    }

    private static int intKey(Object v, Object k, int size, Node loc) {
        if (!(k instanceof Long idx)) {
            throw new OttlRuntimeException("type, " + Values.typeName(v) + ", does not support string indexing", loc);
        }
        if (idx < 0 || idx >= size) {
            throw new OttlRuntimeException("index " + idx + " out of bounds", loc);
        }
        return (int) (long) idx;
    }

    /** Upstream's names for value types in messages (Str, Int, Map, ...). */
    static String pdataType(Object stored) {
        return AnyValue.typeOf(stored).pdataName();
    }

    private static String keyType(Object k) {
        return Values.typeName(k);
    }
}
