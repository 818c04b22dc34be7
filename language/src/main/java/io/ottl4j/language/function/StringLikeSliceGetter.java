package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;

/** A list of string-likes (upstream {@code SliceGetter[K, StringLikeGetter[K]]}); nil items stay null. */
public final class StringLikeSliceGetter extends SliceGetter<StringLikeGetter> {
    public StringLikeSliceGetter(StringLikeGetter[] elements, ExprNode source) {
        super(elements, source);
    }

    @Override
    protected Object element(StringLikeGetter getter, VirtualFrame frame) {
        return getter.get(frame);
    }

    @Override
    protected Object item(Object value) {
        return Values.stringLike(Values.fromStored(value), this);
    }
}
