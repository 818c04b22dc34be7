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

    /** True when the argument is a constant (a literal or an enum), so it can be validated at compile time. */
    public final boolean isLiteral() {
        return expr instanceof io.ottl4j.language.internal.nodes.LiteralNode;
    }

    /** The constant value of a literal argument (see {@link #isLiteral()}); upstream's GetLiteralValue. */
    public final Object literalValue() {
        if (expr instanceof io.ottl4j.language.internal.nodes.LiteralNode l) {
            return l.value();
        }
        throw new IllegalStateException("argument is not a literal");
    }

    protected final Object value(VirtualFrame frame) {
        return expr.executeGeneric(frame);
    }
}
