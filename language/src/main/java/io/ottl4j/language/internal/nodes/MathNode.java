package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.NodeField;
import com.oracle.truffle.api.dsl.Specialization;
import io.ottl4j.grammar.ast.MathOp;
import io.ottl4j.language.nodes.ExprNode;

/**
 * {@code a + b}, {@code a - b}, {@code a * b}, {@code a / b}. Ints wrap like Go's int64; int and double
 * mix as double; division by zero is an error, never Inf or NaN.
 */
@NodeChild(value = "left", type = ExprNode.class)
@NodeChild(value = "right", type = ExprNode.class)
@NodeField(name = "op", type = MathOp.class)
public abstract class MathNode extends ExprNode {
    protected abstract MathOp getOp();

    @Specialization(guards = "!isDivByZero(b)")
    protected long longs(long a, long b) {
        return switch (getOp()) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
        };
    }

    @Specialization(guards = "!isDivByZero(b)")
    protected double doubles(double a, double b) {
        return apply(a, b);
    }

    @Specialization(guards = "!isDivByZero(b)")
    protected double longDouble(long a, double b) {
        return apply(a, b);
    }

    @Specialization(guards = "!isDivByZero(b)")
    protected double doubleLong(double a, long b) {
        return apply(a, b);
    }

    @Fallback
    protected Object generic(Object a, Object b) {
        return Arithmetic.generic(getOp(), a, b, this);
    }

    protected boolean isDivByZero(long b) {
        return b == 0 && getOp() == MathOp.DIV;
    }

    protected boolean isDivByZero(double b) {
        return b == 0 && getOp() == MathOp.DIV;
    }

    private double apply(double a, double b) {
        return switch (getOp()) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
        };
    }
}
