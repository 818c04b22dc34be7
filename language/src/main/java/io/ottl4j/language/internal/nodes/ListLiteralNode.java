package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import io.ottl4j.language.nodes.ExprNode;
import java.util.ArrayList;
import java.util.List;

/** {@code [a, b, c]}: a new native list of the element values on every evaluation. */
public final class ListLiteralNode extends ExprNode {
    @Children private final ExprNode[] elements;

    public ListLiteralNode(ExprNode[] elements) {
        this.elements = elements;
    }

    public ExprNode[] elements() {
        return elements;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        List<Object> out = newList(elements.length);
        for (ExprNode e : elements) {
            add(out, e.executeGeneric(frame));
        }
        return out;
    }

    private static List<Object> newList(int n) {
        return new ArrayList<>(n);
    }

    private static void add(List<Object> list, Object v) {
        list.add(v);
    }
}
