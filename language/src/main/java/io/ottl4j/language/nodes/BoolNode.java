package io.ottl4j.language.nodes;

import com.oracle.truffle.api.dsl.TypeSystemReference;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.grammar.ast.SourceSpan;

/** Base of boolean-expression nodes: comparisons, and/or/not, boolean literals, converter conditions. */
@TypeSystemReference(OttlTypes.class)
public abstract class BoolNode extends Node {
    private SourceSpan span;

    public abstract boolean executeBool(VirtualFrame frame);

    public final SourceSpan getSpan() {
        return span;
    }

    public final <T extends BoolNode> T at(SourceSpan s) {
        this.span = s;
        @SuppressWarnings("unchecked")
        T self = (T) this;
        return self;
    }
}
