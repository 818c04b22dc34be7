package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.nodes.ExprNode;

/**
 * Base of the typed argument getters. A function declares a constructor parameter of a getter type to
 * say which conversions its argument gets (upstream's StringGetter, IntLikeGetter, ...); the binder wraps
 * the argument's expression in that getter.
 */
public abstract class ArgumentGetter extends Node {
    @Child private ExprNode expr;

    protected ArgumentGetter(ExprNode expr) {
        this.expr = expr;
    }

    public final ExprNode expr() {
        return expr;
    }

    protected final Object value(VirtualFrame frame) {
        return expr.executeGeneric(frame);
    }
}
