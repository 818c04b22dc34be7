package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import io.ottl4j.grammar.ast.MathOp;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.Values;
import io.ottl4j.language.nodes.ExprNode;
import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * The slow half of math (spec §5.7): times, durations and errors. Int and double math live in the
 * specialisations of {@link MathNode}.
 */
final class Arithmetic {
    private Arithmetic() {
    }

    @TruffleBoundary
    static Object generic(MathOp op, Object a, Object b, ExprNode at) {
        if (a instanceof ZonedDateTime t) {
            if (b instanceof Duration d && (op == MathOp.ADD || op == MathOp.SUB)) {
                return op == MathOp.ADD ? t.plus(d) : t.minus(d);
            } else if (b instanceof ZonedDateTime u && op == MathOp.SUB) {
                return Duration.between(u.toInstant(), t.toInstant());
            }
            throw unsupported(op, "time", b, at);
        } else if (a instanceof Duration d) {
            if (b instanceof Duration e && (op == MathOp.ADD || op == MathOp.SUB)) {
                return op == MathOp.ADD ? d.plus(e) : d.minus(e);
            } else if (b instanceof ZonedDateTime t && op == MathOp.ADD) {
                return t.plus(d);
            }
            throw unsupported(op, "duration", b, at);
        } else if ((a instanceof Long || a instanceof Double) && (b instanceof Long || b instanceof Double)) {
            // reached only for a division by zero (the specialisations handle the rest)
            throw new OttlRuntimeException("attempted to divide by 0", at);
        }
        Object bad = (a instanceof Long || a instanceof Double || a instanceof ZonedDateTime || a instanceof Duration) ? b : a;
        throw new OttlRuntimeException("unsupported operand for " + op.symbol() + ": " + Values.typeName(bad)
                + " (math needs int, double, time or duration values)", at);
    }

    private static OttlRuntimeException unsupported(MathOp op, String left, Object b, ExprNode at) {
        return new OttlRuntimeException("unsupported operation " + left + " " + op.symbol() + " " + Values.typeName(b), at);
    }
}
