package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;

/** A string; anything else, nil included, is a type error (upstream `StringGetter`). */
public final class StringGetter extends ArgumentGetter {
    public StringGetter(ExprNode expr) {
        super(expr);
    }

    public String get(VirtualFrame frame) {
        Object v = value(frame);
        if (v instanceof String s) {
            return s;
        }
        throw Values.typeError("string", v, this);
    }
}
