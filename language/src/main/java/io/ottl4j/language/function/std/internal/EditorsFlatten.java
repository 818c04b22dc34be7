package io.ottl4j.language.function.std.internal;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code flatten} as upstream does it, quirks included: list elements that are maps or lists are
 * flattened one level deeper than their list, and the elements of a list nested directly in a list get
 * their index appended without a dot ({@code {"a": [[1]]}} gives {@code a.00}); with conflict resolution,
 * list elements are not keyed by index but go through the duplicate-key numbering ({@code a}, {@code a.0},
 * {@code a.1}...).
 */
public final class EditorsFlatten {
    private final AttributeMap result = new AttributeMap();
    private final Map<String, Integer> existingKeys = new HashMap<>();
    private final boolean resolveConflicts;
    private final long maxDepth;

    private EditorsFlatten(boolean resolveConflicts, long maxDepth) {
        this.resolveConflicts = resolveConflicts;
        this.maxDepth = maxDepth;
    }

    /** Replaces the map's content with its flattened form. */
    @TruffleBoundary
    public static void flatten(AttributeMap m, String prefix, long maxDepth, boolean resolveConflicts) {
        EditorsFlatten f = new EditorsFlatten(resolveConflicts, maxDepth);
        f.flattenMap(m, prefix, 0);
        m.clear();
        for (int i = 0; i < f.result.size(); i++) {
            m.put(f.result.keyAt(i), f.result.valueAt(i));
        }
    }

    private void flattenMap(AttributeMap m, String prefix, long depth) {
        String p = prefix.isEmpty() ? prefix : prefix + ".";
        for (int i = 0; i < m.size(); i++) {
            flattenValue(m.keyAt(i), m.valueAt(i), depth, p);
        }
    }

    private void flattenSlice(AttributeList s, String prefix, long depth) {
        for (int i = 0; i < s.size(); i++) {
            flattenValue(Integer.toString(i), s.get(i), depth + 1, prefix);
        }
    }

    private void flattenValue(String k, Object v, long depth, String prefix) {
        if (v instanceof AttributeMap map && depth < maxDepth) {
            flattenMap(map, prefix + k, depth + 1);
        } else if (v instanceof AttributeList list && depth < maxDepth) {
            for (int i = 0; i < list.size(); i++) {
                Object e = list.get(i);
                if (e instanceof AttributeMap em && depth + 1 < maxDepth) {
                    flattenMap(em, prefix + k + "." + i, depth + 2);
                } else if (e instanceof AttributeList el && depth + 1 < maxDepth) {
                    flattenSlice(el, prefix + k + "." + i, depth + 2);
                } else if (resolveConflicts) {
                    putResolving(prefix + k, e);
                } else {
                    result.put(prefix + k + "." + i, copy(e));
                }
            }
        } else if (resolveConflicts) {
            putResolving(prefix + k, v);
        } else {
            result.put(prefix + k, copy(v));
        }
    }

    private void putResolving(String key, Object v) {
        if (result.containsKey(key)) {
            int n = existingKeys.getOrDefault(key, 0);
            existingKeys.put(key, n + 1);
            result.put(key + "." + n, copy(v));
        } else {
            existingKeys.put(key, 0);
            result.put(key, copy(v));
        }
    }

    private static Object copy(Object v) {
        return io.ottl4j.pdata.AnyValue.deepCopy(v);
    }
}
