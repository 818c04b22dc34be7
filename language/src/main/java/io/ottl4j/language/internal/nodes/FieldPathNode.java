package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.TransformContext;
import io.ottl4j.language.internal.contexts.Accessor;
import io.ottl4j.language.nodes.PathNode;

/**
 * A path to a field without keys ({@code name}, {@code status.code}, {@code start_time}). Accessors run
 * behind a boundary: some allocate times or copy lists, which partial evaluation should not inline.
 */
public final class FieldPathNode extends PathNode {
    private final Accessor accessor;
    private final String text;

    public FieldPathNode(Accessor accessor, String text) {
        this.accessor = accessor;
        this.text = text;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return get(accessor, record(frame));
    }

    @Override
    public void executeSet(VirtualFrame frame, Object value) {
        set(accessor, record(frame), value, this);
    }

    @TruffleBoundary
    private static Object get(Accessor a, TransformContext ctx) {
        return a.get(ctx);
    }

    @TruffleBoundary
    private static void set(Accessor a, TransformContext ctx, Object value, Node location) {
        a.set(ctx, value, location);
    }

    @Override
    public String describe() {
        return text;
    }
}
