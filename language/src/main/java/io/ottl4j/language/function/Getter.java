package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;

/** Any value, as is (upstream `Getter`). */
public final class Getter extends ArgumentGetter {
    public Getter(ExprNode expr) {
        super(expr);
    }

    public Object get(VirtualFrame frame) {
        Object v = value(frame);
        return v;
    }
}
