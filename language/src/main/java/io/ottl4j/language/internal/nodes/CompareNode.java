package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.NodeField;
import com.oracle.truffle.api.dsl.Specialization;
import io.ottl4j.grammar.ast.CompareOp;
import io.ottl4j.language.internal.values.Comparisons;
import io.ottl4j.language.nodes.BoolNode;
import io.ottl4j.language.nodes.ExprNode;

/** {@code a == b} and the other comparisons: fast for ints, doubles and strings, upstream's table otherwise. */
@NodeChild(value = "left", type = ExprNode.class)
@NodeChild(value = "right", type = ExprNode.class)
@NodeField(name = "op", type = CompareOp.class)
public abstract class CompareNode extends BoolNode {
    protected abstract CompareOp getOp();

    @Specialization
    protected boolean longs(long a, long b) {
        return Comparisons.compareLongs(a, b, getOp());
    }

    @Specialization
    protected boolean doubles(double a, double b) {
        return Comparisons.compareDoubles(a, b, getOp());
    }

    @Specialization
    protected boolean strings(String a, String b) {
        return Comparisons.compareStrings(a, b, getOp());
    }

    @Fallback
    protected boolean generic(Object a, Object b) {
        return Comparisons.compare(a, b, getOp());
    }
}
