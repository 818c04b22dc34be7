package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.TransformContext;
import io.ottl4j.language.function.Values;
import io.ottl4j.language.internal.contexts.Accessor;
import io.ottl4j.language.nodes.PathNode;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;

/**
 * The hot path of OTTL: {@code attributes["key"]} with one constant string key. The linear scan of a
 * small map is written out here (hash compare, then equals) so that it compiles to a tight loop; large
 * maps, inserts and conversions go behind boundaries, which keeps the compiled statement small.
 */
public final class MapEntryPathNode extends PathNode {
    private final Accessor map;
    private final String key;
    private final int hash;
    private final String text;
    /**
     * Where the key was found last time the interpreter looked. Records from one instrumentation usually
     * carry their attributes in the same order, so compiled code tries this position first and scans only
     * when it misses; it never deoptimises on a miss.
     */
    @CompilationFinal private int hint = -1;

    public MapEntryPathNode(Accessor map, String key, String text) {
        this.map = map;
        this.key = key;
        this.hash = key.hashCode();
        this.text = text;
    }

    private AttributeMap target(VirtualFrame frame) {
        TransformContext ctx = record(frame);
        return (AttributeMap) map.get(ctx);
    }

    private int find(AttributeMap m) {
        int n = m.size();
        String[] keys = m.keyArray();
        int[] hashes = m.hashArray();
        int h = hint;
        if (h >= 0 && h < n && hashes[h] == hash && key.equals(keys[h])) {
            return h;
        }
        if (n > AttributeMap.LINEAR_SCAN_LIMIT) {
            return indexOf(m, key);
        }
        for (int i = 0; i < n; i++) {
            if (hashes[i] == hash) {
                String k = keys[i];
                if (k == key || key.equals(k)) {
                    if (CompilerDirectives.inInterpreter()) {
                        hint = i;
                    }
                    return i;
                }
            }
        }
        return -1;
    }

    @TruffleBoundary
    private static int indexOf(AttributeMap m, String key) {
        return m.indexOf(key);
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        AttributeMap m = target(frame);
        int i = find(m);
        if (i < 0) {
            return null;
        }
        Object v = m.valueArray()[i];
        return v == AnyValue.EMPTY ? null : v;
    }

    @Override
    public void executeSet(VirtualFrame frame, Object value) {
        AttributeMap m = target(frame);
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            int i = find(m);
            if (i >= 0) {
                m.valueArray()[i] = value;
            } else {
                put(m, key, value);
            }
        } else {
            setSlow(m, key, value);
        }
    }

    @TruffleBoundary
    private static void put(AttributeMap m, String key, Object value) {
        m.put(key, value);
    }

    @TruffleBoundary
    private static void setSlow(AttributeMap m, String key, Object value) {
        Object stored = Values.toStored(value);
        if (stored != Values.UNSTORABLE) {
            m.put(key, stored);
        } else if (!m.containsKey(key)) {
            m.put(key, AnyValue.EMPTY);
        }
    }

    @Override
    public String describe() {
        return text;
    }
}
