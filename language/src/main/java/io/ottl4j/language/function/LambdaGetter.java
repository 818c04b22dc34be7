package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.nodes.ExprNode;

/**
 * A lambda argument ({@code (k, v) => v != nil}): its body is compiled like any expression and reads its
 * parameters from frame slots, so calling it is a store per parameter and a node execution.
 */
public final class LambdaGetter extends Node {
    private final int[] slots;
    @Child private ExprNode body;

    public LambdaGetter(int[] slots, ExprNode body) {
        this.slots = slots;
        this.body = body;
    }

    public int arity() {
        return slots.length;
    }

    @ExplodeLoop
    public Object call(VirtualFrame frame, Object... arguments) {
        for (int i = 0; i < slots.length; i++) {
            frame.setObject(slots[i], i < arguments.length ? arguments[i] : null);
        }
        return body.executeGeneric(frame);
    }
}
