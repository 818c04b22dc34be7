package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;
import java.time.Duration;

/** A duration; anything else is a type error (upstream `DurationGetter`). */
public final class DurationGetter extends ArgumentGetter {
    public DurationGetter(ExprNode expr) {
        super(expr);
    }

    public Duration get(VirtualFrame frame) {
        Object v = value(frame);
        if (v instanceof Duration d) {
            return d;
        }
        throw Values.typeError("duration", v, this);
    }
}
