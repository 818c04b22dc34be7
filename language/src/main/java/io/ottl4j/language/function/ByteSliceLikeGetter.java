package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;

/** Bytes converted from a string (UTF-8) or number (big-endian); nil gives nil (upstream `ByteSliceLikeGetter`). */
public final class ByteSliceLikeGetter extends ArgumentGetter {
    public ByteSliceLikeGetter(ExprNode expr) {
        super(expr);
    }

    public byte[] get(VirtualFrame frame) {
        Object v = value(frame);
        if (v instanceof byte[] b) {
            return b;
        }
        return Values.byteSliceLike(v, this);
    }
}
