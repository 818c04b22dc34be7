package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;

/** A double; anything else is a type error (upstream `FloatGetter`). */
public final class FloatGetter extends ArgumentGetter {
    public FloatGetter(ExprNode expr) {
        super(expr);
    }

    public double get(VirtualFrame frame) {
        Object v = value(frame);
        if (v instanceof Double d) {
            return d;
        }
        throw Values.typeError("double", v, this);
    }
}
