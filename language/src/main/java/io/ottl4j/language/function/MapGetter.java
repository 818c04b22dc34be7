package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.nodes.ExprNode;
import io.ottl4j.pdata.AttributeMap;

/** A map (pdata map, or a native map copied into one); anything else is a type error (upstream `PMapGetter`). */
public final class MapGetter extends ArgumentGetter {
    public MapGetter(ExprNode expr) {
        super(expr);
    }

    public AttributeMap get(VirtualFrame frame) {
        Object v = value(frame);
        if (v instanceof AttributeMap m) {
            return m;
        }
        return Values.toAttributeMap(v, this);
    }
}
