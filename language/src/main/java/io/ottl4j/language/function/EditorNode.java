package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;

/**
 * Base of editors: functions that change the record and return nothing. Extends {@link ExprNode} so that
 * an editor can be referenced and located like any call; its value is always nil.
 */
public abstract class EditorNode extends ExprNode {
    public abstract void execute(VirtualFrame frame);

    @Override
    public final Object executeGeneric(VirtualFrame frame) {
        execute(frame);
        return null;
    }
}
