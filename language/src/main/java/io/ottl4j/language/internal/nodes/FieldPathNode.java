package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.TransformContext;
import io.ottl4j.language.internal.contexts.Accessor;
import io.ottl4j.language.internal.contexts.WritePolicy;
import io.ottl4j.language.internal.contexts.Writes;
import io.ottl4j.language.nodes.PathNode;

/**
 * A path to a field without keys ({@code name}, {@code status.code}, {@code start_time}). Accessors run
 * behind a boundary: some allocate times or copy lists, which partial evaluation should not inline. The node
 * is its setters' location and tells them the statement's {@link WritePolicy}; a setter reads it only when
 * it refuses a value, so the policy costs nothing on the path that writes.
 */
public final class FieldPathNode extends PathNode implements WritePolicy.Site {
    private final Accessor accessor;
    private final String text;
    private final WritePolicy policy;

    public FieldPathNode(Accessor accessor, String text, WritePolicy policy) {
        this.accessor = accessor;
        this.text = text;
        this.policy = policy;
    }

    @Override
    public WritePolicy writePolicy() {
        return policy;
    }

    /**
     * Why writing the constant {@code value} here fails on every record, or null: under strict setters, a
     * constant of the wrong type for a typed field (a compile-time fact, reported where the statement binds).
     */
    public String rejectsConstant(Object value) {
        Writes.Expect expect = accessor.expect();
        if (expect == null || value == null || !policy.strictTypes() || expect.accepts(value)) {
            return null;
        }
        return expect.rejection(value);
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
