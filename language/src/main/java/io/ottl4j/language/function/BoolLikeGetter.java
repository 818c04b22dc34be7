package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;

/** A bool converted from a number or string; nil gives nil (upstream `BoolLikeGetter`). */
public final class BoolLikeGetter extends ArgumentGetter {
    public BoolLikeGetter(ExprNode expr) {
        super(expr);
    }

    public Boolean get(VirtualFrame frame) {
        Object v = value(frame);
        if (v instanceof Boolean b) {
            return b;
        }
        return Values.boolLike(v, this);
    }
}
