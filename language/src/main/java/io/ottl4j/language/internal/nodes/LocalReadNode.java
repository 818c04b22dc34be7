package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;

/** Reads a frame slot: a lambda parameter, or the argument a function reference is applied to. */
public final class LocalReadNode extends ExprNode {
    private final int slot;

    public LocalReadNode(int slot) {
        this.slot = slot;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return frame.getObject(slot);
    }
}
