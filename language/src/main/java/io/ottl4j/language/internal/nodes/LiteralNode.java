package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;

/** A constant: nil, string, int, double, bool, bytes, or an enum resolved to its int. */
public final class LiteralNode extends ExprNode {
    private final Object value;

    public LiteralNode(Object value) {
        this.value = value;
    }

    public Object value() {
        return value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return value;
    }
}
