package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.TransformContext;
import io.ottl4j.language.function.Values;
import io.ottl4j.language.internal.contexts.Accessor;
import io.ottl4j.language.nodes.PathNode;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;

/**
 * The hot path of OTTL: {@code attributes["key"]} with one constant string key. Reads and scalar writes
 * stay inline so that the compiled statement is a map scan and a store.
 */
public final class MapEntryPathNode extends PathNode {
    private final Accessor map;
    private final String key;
    private final String text;

    public MapEntryPathNode(Accessor map, String key, String text) {
        this.map = map;
        this.key = key;
        this.text = text;
    }

    private AttributeMap target(VirtualFrame frame) {
        TransformContext ctx = record(frame);
        return (AttributeMap) map.get(ctx);
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object v = target(frame).get(key);
        return v == AnyValue.EMPTY ? null : v;
    }

    @Override
    public void executeSet(VirtualFrame frame, Object value) {
        AttributeMap m = target(frame);
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            m.put(key, value);
        } else {
            setSlow(m, key, value);
        }
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
