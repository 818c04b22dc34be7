package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;

/** An int; anything else is a type error (upstream `IntGetter`). */
public final class IntGetter extends ArgumentGetter {
    public IntGetter(ExprNode expr) {
        super(expr);
    }

    public long get(VirtualFrame frame) {
        Object v = value(frame);
        if (v instanceof Long l) {
            return l;
        }
        throw Values.typeError("int", v, this);
    }
}
