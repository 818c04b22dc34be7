package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;

/** The string form of a value, nil stays nil (upstream `StringLikeGetter`). */
public final class StringLikeGetter extends ArgumentGetter {
    public StringLikeGetter(ExprNode expr) {
        super(expr);
    }

    public String get(VirtualFrame frame) {
        Object v = value(frame);
        if (v instanceof String s) {
            return s;
        }
        return Values.stringLike(v, this);
    }
}
