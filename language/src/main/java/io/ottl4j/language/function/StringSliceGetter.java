package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;

/** A list of strings (upstream {@code SliceGetter[K, StringGetter[K]]}); an item that is not a string is an error. */
public final class StringSliceGetter extends SliceGetter<StringGetter> {
    public StringSliceGetter(StringGetter[] elements, ExprNode source) {
        super(elements, source);
    }

    @Override
    protected Object element(StringGetter getter, VirtualFrame frame) {
        return getter.get(frame);
    }

    @Override
    protected Object item(Object value) {
        Object v = Values.fromStored(value);
        if (v instanceof String s) {
            return s;
        }
        throw Values.typeError("string", v, this);
    }
}
