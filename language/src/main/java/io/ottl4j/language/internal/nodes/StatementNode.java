package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.function.EditorNode;
import io.ottl4j.language.nodes.BoolNode;

/** {@code editor(...) where condition}: the condition first; the editor only when it holds. */
public final class StatementNode extends Node {
    @Child private BoolNode where;
    @Child private EditorNode editor;
    private final String text;

    public StatementNode(EditorNode editor, BoolNode where, String text) {
        this.editor = editor;
        this.where = where;
        this.text = text;
    }

    /** Runs the statement; returns whether its condition held (and so whether the editor ran). */
    public boolean execute(VirtualFrame frame) {
        if (where != null && !where.executeBool(frame)) {
            return false;
        }
        editor.execute(frame);
        return true;
    }

    public String text() {
        return text;
    }
}
