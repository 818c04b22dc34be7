package io.ottl4j.language.internal.contexts;

import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.TransformContext;

/**
 * Reads and writes one field of a record. Implementations are small lambdas held in final fields of
 * path nodes, so partial evaluation sees a constant receiver and inlines them.
 */
public interface Accessor {
    Object get(TransformContext ctx);

    /**
     * Writes an OTTL value. A value the field cannot hold (another type, or nil) is ignored at the baseline; under
     * a stricter {@link WritePolicy} (read from {@code location}, see {@link WritePolicy.Site}) it is an error.
     */
    void set(TransformContext ctx, Object value, Node location);

    /** The one kind of value a typed setter takes, for compile-time checks of constants; null when it takes several. */
    default Writes.Expect expect() {
        return null;
    }

    interface Getter {
        Object get(TransformContext ctx);
    }

    interface Setter {
        void set(TransformContext ctx, Object value, Node location);
    }

    /** An accessor whose setter takes one kind of value ({@code expect}; null when it takes several). */
    static Accessor typed(Getter g, Setter s, Writes.Expect expect) {
        return new Accessor() {
            @Override
            public Object get(TransformContext ctx) {
                return g.get(ctx);
            }

            @Override
            public void set(TransformContext ctx, Object value, Node location) {
                s.set(ctx, value, location);
            }

            @Override
            public Writes.Expect expect() {
                return expect;
            }
        };
    }

    static Accessor of(Getter g, Setter s) {
        return typed(g, s, null);
    }

}
