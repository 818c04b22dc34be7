package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;

/** An int converted from a double, bool or string; nil and unparsable strings give nil (upstream `IntLikeGetter`). */
public final class IntLikeGetter extends ArgumentGetter {
    public IntLikeGetter(ExprNode expr) {
        super(expr);
    }

    public Long get(VirtualFrame frame) {
        Object v = value(frame);
        if (v instanceof Long l) {
            return l;
        }
        return Values.intLike(v, this);
    }
}
