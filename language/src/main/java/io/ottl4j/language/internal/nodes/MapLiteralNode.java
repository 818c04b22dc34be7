package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import io.ottl4j.language.function.Values;
import io.ottl4j.language.nodes.ExprNode;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;

/** {@code {"k": v, ...}}: a new pdata map on every evaluation, as upstream's map literals are. */
public final class MapLiteralNode extends ExprNode {
    private final String[] keys;
    @Children private final ExprNode[] values;

    public MapLiteralNode(String[] keys, ExprNode[] values) {
        this.keys = keys;
        this.values = values;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        AttributeMap map = new AttributeMap();
        for (int i = 0; i < values.length; i++) {
            put(map, keys[i], values[i].executeGeneric(frame));
        }
        return map;
    }

    @TruffleBoundary
    private static void put(AttributeMap map, String key, Object value) {
        Object stored = Values.toStored(value);
        map.put(key, stored == Values.UNSTORABLE ? AnyValue.EMPTY : stored);
    }
}
