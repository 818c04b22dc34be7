package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;

/** A bool; anything else is a type error (upstream `BoolGetter`). */
public final class BoolGetter extends ArgumentGetter {
    public BoolGetter(ExprNode expr) {
        super(expr);
    }

    public boolean get(VirtualFrame frame) {
        Object v = value(frame);
        if (v instanceof Boolean b) {
            return b;
        }
        throw Values.typeError("bool", v, this);
    }
}
