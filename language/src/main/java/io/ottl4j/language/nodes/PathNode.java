package io.ottl4j.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * A path: readable like any value, and writable. Editors take paths where upstream takes a
 * {@code GetSetter}.
 */
public abstract class PathNode extends ExprNode {
    /** Writes {@code value} (an OTTL value, already non-nil unless the editor allows nil). */
    public abstract void executeSet(VirtualFrame frame, Object value);

    /** The path as written, for messages and the REPL's explain/trace. */
    public abstract String describe();
}
