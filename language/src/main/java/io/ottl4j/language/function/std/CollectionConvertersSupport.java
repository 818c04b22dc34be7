package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.grammar.ast.CompareOp;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.Values;
import io.ottl4j.language.function.std.internal.GoStrings;
import io.ottl4j.language.internal.values.Comparisons;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The list work of {@link CollectionConverters}: sorting, searching and SliceToMap. */
final class CollectionConvertersSupport {
    private CollectionConvertersSupport() {
    }

    // ------------------------------------------------------------------ Sort

    private enum Common { INT, DOUBLE, STRING, UNSUPPORTED }

    /**
     * Upstream: a pdata slice, or a list converted to one, is sorted by a common type: all ints as ints,
     * ints mixed with doubles as doubles, and as soon as a string, bool or empty value is present by
     * string form; the result keeps the original element values. A list holding maps, lists or bytes
     * comes back unsorted; a list holding values a pdata slice cannot hold, or a non-list, is an error.
     */
    @TruffleBoundary
    static Object sort(Object target, boolean descending, Node node) {
        List<Object> stored;
        Object original;
        if (target instanceof AttributeList l) {
            stored = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                stored.add(l.get(i));
            }
            original = l;
        } else if (target instanceof List<?> list) {
            stored = new ArrayList<>(list.size());
            for (Object e : list) {
                if (e instanceof AttributeMap || e instanceof AttributeList || Values.toStored(e) == Values.UNSTORABLE) {
                    throw new OttlRuntimeException("Sort: unsupported type " + Values.typeName(e)
                            + " in the list: target is not a list of primitive types", node);
                }
                stored.add(Values.toStored(e));
            }
            original = null;
        } else {
            throw new OttlRuntimeException("Sort: unsupported type " + Values.typeName(target) + ", target is not a list", node);
        }
        if (stored.isEmpty()) {
            return original != null ? original : new AttributeList();
        }
        Common common = commonType(stored);
        if (common == Common.UNSUPPORTED) {
            return original != null ? original : Values.toStored(target);
        }
        Object[] keys = new Object[stored.size()];
        Integer[] order = new Integer[stored.size()];
        for (int i = 0; i < keys.length; i++) {
            Object e = stored.get(i);
            order[i] = i;
            keys[i] = switch (common) {
                case INT -> e;
                case DOUBLE -> e instanceof Long l ? (double) l : e;
                default -> AnyValue.asString(e);
            };
        }
        Comparator<Integer> cmp = switch (common) {
            case INT -> (a, b) -> Long.compare((Long) keys[a], (Long) keys[b]);
            case DOUBLE -> (a, b) -> goCompare((Double) keys[a], (Double) keys[b]);
            default -> (a, b) -> StringConverters.compareCodePoints((String) keys[a], (String) keys[b]);
        };
        Arrays.sort(order, descending ? cmp.reversed() : cmp);
        List<Object> out = new ArrayList<>(order.length);
        for (Integer i : order) {
            out.add(Values.fromStored(stored.get(i)));
        }
        return out;
    }

    private static Common commonType(List<Object> stored) {
        Object first = stored.get(0);
        boolean firstInt = first instanceof Long;
        boolean firstDouble = first instanceof Double;
        boolean wantStr = false;
        boolean wantDouble = false;
        for (Object e : stored) {
            if (e instanceof Long) {
                wantDouble |= firstDouble;
            } else if (e instanceof Double) {
                wantDouble |= firstInt;
            } else if (e instanceof String || e instanceof Boolean || e == AnyValue.EMPTY) {
                wantStr = true;
            } else {
                return Common.UNSUPPORTED;
            }
        }
        if (wantStr) {
            return Common.STRING;
        } else if (wantDouble) {
            return Common.DOUBLE;
        }
        return firstInt ? Common.INT : firstDouble ? Common.DOUBLE : Common.STRING;
    }

    /** Go's {@code cmp.Compare} on floats: NaN sorts first and equals NaN; -0 equals 0. */
    private static int goCompare(double a, double b) {
        boolean an = Double.isNaN(a);
        boolean bn = Double.isNaN(b);
        if (an || bn) {
            return an && bn ? 0 : (an ? -1 : 1);
        }
        return a < b ? -1 : (a > b ? 1 : 0);
    }

    // ------------------------------------------------------------------ Index and ContainsValue

    @TruffleBoundary
    static long index(Object source, Object value, Node node) {
        if (source instanceof String s) {
            if (!(value instanceof String v)) {
                throw new OttlRuntimeException("Index: invalid value type " + Values.typeName(value)
                        + ", value must be a string when the target is a string", node);
            }
            int at = s.indexOf(v);
            // Go reports the byte offset in the UTF-8 string
            return at < 0 ? -1 : GoStrings.utf8Length(s.substring(0, at));
        }
        List<Object> list = sliceElements(source, "Index", node);
        for (int i = 0; i < list.size(); i++) {
            if (Comparisons.compare(list.get(i), value, CompareOp.EQ)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Upstream compares strings, ints, doubles and bools directly against the elements' values (ints and
     * doubles numerically), and other items with OTTL equality.
     */
    @TruffleBoundary
    static boolean contains(Object target, Object item, Node node) {
        List<Object> list = sliceElements(target, "ContainsValue", node);
        for (Object e : list) {
            if (item == null) {
                continue;
            }
            if (Comparisons.compare(e, item, CompareOp.EQ)) {
                return true;
            }
        }
        return false;
    }

    /** A strict slice argument: a pdata slice or a list; anything else is a type error. */
    private static List<Object> sliceElements(Object v, String function, Node node) {
        if (v instanceof AttributeList || v instanceof List) {
            List<Object> out = Values.asList(v);
            if (v instanceof List<?> l) {
                for (Object e : l) {
                    if (e != null && Values.toStored(e) == Values.UNSTORABLE) {
                        throw new OttlRuntimeException(function + ": the list holds a " + Values.typeName(e)
                                + ", which a pdata slice cannot hold", node);
                    }
                }
            }
            return out;
        }
        throw new OttlRuntimeException(function + ": expected a list but got " + Values.typeName(v), node, true);
    }

    // ------------------------------------------------------------------ SliceToMap

    @TruffleBoundary
    static AttributeMap sliceToMap(Object target, String[] keyPath, String[] valuePath, Node node) {
        List<Object> elements;
        if (target instanceof AttributeList || target instanceof List) {
            elements = Values.asList(target);
        } else {
            throw new OttlRuntimeException("SliceToMap: unsupported type provided to SliceToMap function: "
                    + Values.typeName(target), node);
        }
        AttributeMap out = new AttributeMap();
        for (int i = 0; i < elements.size(); i++) {
            Object elem = elements.get(i);
            boolean isMap = elem instanceof AttributeMap || elem instanceof Map;
            String key = Integer.toString(i);
            Object value = elem;
            if (keyPath != null) {
                if (!isMap) {
                    throw new OttlRuntimeException("SliceToMap: element " + i + " is a " + Values.typeName(elem)
                            + ": slice elements must be maps when using key_path", node);
                }
                Object k = extract(elem, keyPath, 0);
                if (k == MISSING) {
                    throw new OttlRuntimeException("SliceToMap: element " + i + ": could not extract key from element: "
                            + "provided object does not contain the path " + Arrays.toString(keyPath), node);
                }
                if (!(k instanceof String s)) {
                    throw new OttlRuntimeException("SliceToMap: element " + i + ": extracted key attribute is not of type string but "
                            + Values.typeName(k), node);
                }
                key = s;
            }
            if (valuePath != null) {
                if (!isMap) {
                    throw new OttlRuntimeException("SliceToMap: element " + i + " is a " + Values.typeName(elem)
                            + ": cannot extract value, not a map-like structure", node);
                }
                Object v = valuePath.length == 0 ? MISSING : extract(elem, valuePath, 0);
                if (v == MISSING) {
                    throw new OttlRuntimeException("SliceToMap: element " + i + ": could not extract value from element: "
                            + "provided object does not contain the path " + Arrays.toString(valuePath), node);
                }
                value = v;
            }
            Object stored = Values.toStored(value);
            if (stored == Values.UNSTORABLE) {
                throw new OttlRuntimeException("SliceToMap: could not convert value from element " + i + ": "
                        + Values.typeName(value), node);
            }
            out.put(key, stored);
        }
        return out;
    }

    private static final Object MISSING = new Object();

    /** Follows a path of keys through nested maps; MISSING when a key is absent or a step is not a map. */
    private static Object extract(Object map, String[] path, int at) {
        Object v = lookup(map, path[at]);
        if (v == MISSING || at == path.length - 1) {
            return v;
        }
        if (v instanceof AttributeMap || v instanceof Map) {
            return extract(v, path, at + 1);
        }
        return MISSING;
    }

    private static Object lookup(Object map, String key) {
        if (map instanceof AttributeMap m) {
            for (int i = 0; i < m.size(); i++) {
                if (m.keyAt(i).equals(key)) {
                    return Values.fromStored(m.valueAt(i));
                }
            }
            return MISSING;
        }
        Map<?, ?> m = (Map<?, ?>) map;
        return m.containsKey(key) ? Values.fromStored(m.get(key)) : MISSING;
    }
}
