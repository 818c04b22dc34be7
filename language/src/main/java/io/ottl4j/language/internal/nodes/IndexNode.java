package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import io.ottl4j.language.internal.values.Keyed;
import io.ottl4j.language.nodes.ExprNode;

/** {@code Converter(...)[k]...}: indexes a converter's result; a missing key is an error here. */
public final class IndexNode extends ExprNode {
    @Child private ExprNode target;
    @Children private final ExprNode[] keys;

    public IndexNode(ExprNode target, ExprNode[] keys) {
        this.target = target;
        this.keys = keys;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Object v = target.executeGeneric(frame);
        Object[] k = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            k[i] = keys[i].executeGeneric(frame);
        }
        return Keyed.index(v, k, this);
    }
}
