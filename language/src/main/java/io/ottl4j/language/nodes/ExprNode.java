package io.ottl4j.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.dsl.TypeSystemReference;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.grammar.ast.SourceSpan;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.TransformContext;

/**
 * Base of every OTTL value-producing node: literals, paths, converter calls, math. The record being
 * processed is the call target's first argument.
 */
@TypeSystemReference(OttlTypes.class)
public abstract class ExprNode extends Node {
    private SourceSpan span;

    /** Evaluates to an OTTL value; {@code null} is nil. */
    public abstract Object executeGeneric(VirtualFrame frame);

    public final SourceSpan getSpan() {
        return span;
    }

    public final <T extends ExprNode> T at(SourceSpan s) {
        this.span = s;
        @SuppressWarnings("unchecked")
        T self = (T) this;
        return self;
    }

    public static TransformContext record(VirtualFrame frame) {
        return CompilerDirectives.castExact(frame.getArguments()[0], TransformContext.class);
    }

    /** Builds a runtime error located at this node; call only on slow paths. */
    public final OttlRuntimeException error(String message) {
        CompilerDirectives.transferToInterpreter();
        return new OttlRuntimeException(message, this);
    }
}
