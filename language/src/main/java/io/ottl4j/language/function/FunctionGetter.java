package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.nodes.ExprNode;

/**
 * A function reference argument ({@code replace_pattern(..., SHA256)}): a converter of one argument,
 * compiled once and applied to values at run time through a frame slot.
 */
public final class FunctionGetter extends Node {
    private final String name;
    private final int slot;
    @Child private ExprNode call;

    public FunctionGetter(String name, int slot, ExprNode call) {
        this.name = name;
        this.slot = slot;
        this.call = call;
    }

    public String name() {
        return name;
    }

    public Object apply(VirtualFrame frame, Object argument) {
        frame.setObject(slot, argument);
        return call.executeGeneric(frame);
    }
}
