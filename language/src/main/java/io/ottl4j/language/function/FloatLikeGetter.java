package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;

/** A double converted from an int, bool or string; nil gives nil (upstream `FloatLikeGetter`). */
public final class FloatLikeGetter extends ArgumentGetter {
    public FloatLikeGetter(ExprNode expr) {
        super(expr);
    }

    public Double get(VirtualFrame frame) {
        Object v = value(frame);
        if (v instanceof Double d) {
            return d;
        }
        return Values.floatLike(v, this);
    }
}
