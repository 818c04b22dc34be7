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
    /** "Substring's argument target", for error messages; set by the binder. */
    private String role;

    protected ArgumentGetter(ExprNode expr) {
        this.expr = expr;
    }

    /** Names the function and parameter this getter feeds, so that type errors can say so. */
    public final void describeAs(String function, String parameter) {
        this.role = function + "'s argument " + parameter;
    }

    /** The function and parameter this getter feeds, or null when unknown. */
    public final String role() {
        return role;
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
