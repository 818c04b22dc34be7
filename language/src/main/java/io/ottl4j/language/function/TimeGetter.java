package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;
import java.time.ZonedDateTime;

/** A time; anything else is a type error (upstream `TimeGetter`). */
public final class TimeGetter extends ArgumentGetter {
    public TimeGetter(ExprNode expr) {
        super(expr);
    }

    public ZonedDateTime get(VirtualFrame frame) {
        Object v = value(frame);
        if (v instanceof ZonedDateTime t) {
            return t;
        }
        throw Values.typeError("time", v, this);
    }
}
