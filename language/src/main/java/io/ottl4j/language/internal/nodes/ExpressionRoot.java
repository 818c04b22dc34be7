package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import io.ottl4j.language.nodes.ExprNode;

/** A value expression as a call target (test expectations, the REPL, value-extracting components). */
public final class ExpressionRoot extends RootNode {
    @Child private ExprNode expression;

    public ExpressionRoot(FrameDescriptor frame, ExprNode expression) {
        super(null, frame);
        this.expression = expression;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return expression.executeGeneric(frame);
    }

    @Override
    public String getName() {
        return "ottl-expression";
    }
}
