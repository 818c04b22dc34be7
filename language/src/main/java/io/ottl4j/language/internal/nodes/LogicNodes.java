package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import io.ottl4j.language.function.Values;
import io.ottl4j.language.nodes.BoolNode;
import io.ottl4j.language.nodes.ExprNode;

/** The boolean connectives and leaves of conditions; {@code and}/{@code or} short-circuit left to right. */
public final class LogicNodes {
    private LogicNodes() {
    }

    public static final class And extends BoolNode {
        @Children private final BoolNode[] terms;

        public And(BoolNode[] terms) {
            this.terms = terms;
        }

        @Override
        @ExplodeLoop
        public boolean executeBool(VirtualFrame frame) {
            for (BoolNode t : terms) {
                if (!t.executeBool(frame)) {
                    return false;
                }
            }
            return true;
        }
    }

    public static final class Or extends BoolNode {
        @Children private final BoolNode[] terms;

        public Or(BoolNode[] terms) {
            this.terms = terms;
        }

        @Override
        @ExplodeLoop
        public boolean executeBool(VirtualFrame frame) {
            for (BoolNode t : terms) {
                if (t.executeBool(frame)) {
                    return true;
                }
            }
            return false;
        }
    }

    public static final class Not extends BoolNode {
        @Child private BoolNode operand;

        public Not(BoolNode operand) {
            this.operand = operand;
        }

        @Override
        public boolean executeBool(VirtualFrame frame) {
            return !operand.executeBool(frame);
        }
    }

    public static final class Constant extends BoolNode {
        private final boolean value;

        public Constant(boolean value) {
            this.value = value;
        }

        @Override
        public boolean executeBool(VirtualFrame frame) {
            return value;
        }
    }

    /** A converter used as a condition: it must return a bool. */
    public static final class FromConverter extends BoolNode {
        @Child private ExprNode converter;

        public FromConverter(ExprNode converter) {
            this.converter = converter;
        }

        @Override
        public boolean executeBool(VirtualFrame frame) {
            Object v = converter.executeGeneric(frame);
            if (v instanceof Boolean b) {
                return b;
            }
            CompilerDirectives.transferToInterpreter();
            throw converter.error("value returned from Converter in constant expression must be bool but got " + Values.typeName(v));
        }
    }

    /** A boolean expression used as a value (e.g. a lambda body or {@code set(x, a == b)}). */
    public static final class AsValue extends ExprNode {
        @Child private BoolNode condition;

        public AsValue(BoolNode condition) {
            this.condition = condition;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return condition.executeBool(frame);
        }
    }
}
