package io.ottl4j.language.internal.contexts;

import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.TransformContext;

/**
 * Reads and writes one field of a record. Implementations are small lambdas held in final fields of
 * path nodes, so partial evaluation sees a constant receiver and inlines them.
 */
public interface Accessor {
    Object get(TransformContext ctx);

    /** Writes an OTTL value; values of the wrong type are ignored as upstream does, unless noted. */
    void set(TransformContext ctx, Object value, Node location);

    interface Getter {
        Object get(TransformContext ctx);
    }

    interface Setter {
        void set(TransformContext ctx, Object value, Node location);
    }

    static Accessor of(Getter g, Setter s) {
        return new Accessor() {
            @Override
            public Object get(TransformContext ctx) {
                return g.get(ctx);
            }

            @Override
            public void set(TransformContext ctx, Object value, Node location) {
                s.set(ctx, value, location);
            }
        };
    }
}
