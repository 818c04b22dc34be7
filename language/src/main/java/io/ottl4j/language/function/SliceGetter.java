package io.ottl4j.language.function;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.nodes.ExprNode;
import java.util.List;

/**
 * A list argument (upstream's {@code SliceGetter}): either a list literal, whose elements are each read
 * through their own typed getter, or any other expression (a path, a converter) that yields a list when
 * run, whose items are then converted one by one as the element getter would convert them. The concrete
 * subclasses fix the element type, which the catalog reads as the parameter's kind.
 */
public abstract class SliceGetter<G extends ArgumentGetter> extends Node {
    @Children private final G[] elements;
    @Child private ExprNode source;

    protected SliceGetter(G[] elements, ExprNode source) {
        this.elements = elements;
        this.source = source;
    }

    /** True when the argument is a list literal (its length is then known when the statement is compiled). */
    public final boolean isListLiteral() {
        return elements != null;
    }

    /** The element getters of a list literal; null when the list comes from an expression. */
    public final G[] elements() {
        return elements;
    }

    /** Names the function and parameter this argument feeds, for type errors. */
    public final void describeAs(String function, String parameter) {
        if (elements != null) {
            for (int i = 0; i < elements.length; i++) {
                elements[i].describeAs(function, parameter + "[" + i + "]");
            }
        }
    }

    /**
     * The converted items; null when the expression yielded nil (upstream ranges over nothing then).
     * An expression yielding something other than a list, or an item of the wrong type, is a runtime error.
     */
    @ExplodeLoop
    public final Object[] get(VirtualFrame frame) {
        if (elements != null) {
            Object[] out = new Object[elements.length];
            for (int i = 0; i < elements.length; i++) {
                out[i] = element(elements[i], frame);
            }
            return out;
        }
        return items(source.executeGeneric(frame));
    }

    @TruffleBoundary
    private Object[] items(Object v) {
        if (v == null) {
            return null;
        }
        List<Object> list = Values.asList(v);
        if (list == null) {
            throw Values.typeError("list", v, this);
        }
        Object[] out = new Object[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = item(list.get(i));
        }
        return out;
    }

    /** Reads one literal element through its getter. */
    protected abstract Object element(G getter, VirtualFrame frame);

    /** Converts one item of a list yielded at runtime, as the element getter converts a value. */
    protected abstract Object item(Object value);
}
