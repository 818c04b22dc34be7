package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.BoolNode;
import io.ottl4j.language.nodes.ExprNode;

/**
 * {@code x == nil} / {@code x != nil}, the idiomatic presence test, compiled to a null check instead of
 * the general comparison.
 */
public final class NilCheckNode extends BoolNode {
    @Child private ExprNode value;
    private final boolean wantNil;

    public NilCheckNode(ExprNode value, boolean wantNil) {
        this.value = value;
        this.wantNil = wantNil;
    }

    @Override
    public boolean executeBool(VirtualFrame frame) {
        Object v = value.executeGeneric(frame);
        boolean isNil = v == null || (v instanceof byte[] b && b.length == 0);
        return isNil == wantNil;
    }
}
