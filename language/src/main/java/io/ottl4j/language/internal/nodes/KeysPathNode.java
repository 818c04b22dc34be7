package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import io.ottl4j.language.function.Values;
import io.ottl4j.language.internal.contexts.Accessor;
import io.ottl4j.language.internal.values.Keyed;
import io.ottl4j.language.nodes.ExprNode;
import io.ottl4j.language.nodes.PathNode;
import io.ottl4j.pdata.AttributeMap;

/**
 * A keyed path in its general form: several keys or dynamic ones ({@code attributes["a"][0]},
 * {@code attributes[attributes["k"]]}), on a map ({@code attributes}, {@code cache}) or on an any-value
 * ({@code body}).
 */
public final class KeysPathNode extends PathNode {
    private final Accessor base;
    private final boolean mapBase;
    @Children private final ExprNode[] keys;
    private final String text;

    /** @param mapBase true when {@code base} reads a pdata map; false for the log body, the only keyed any-value. */
    public KeysPathNode(Accessor base, boolean mapBase, ExprNode[] keys, String text) {
        this.base = base;
        this.mapBase = mapBase;
        this.keys = keys;
        this.text = text;
    }

    @ExplodeLoop
    private Object[] keys(VirtualFrame frame) {
        Object[] out = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = keys[i].executeGeneric(frame);
        }
        return out;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object[] k = keys(frame);
        Object container = base.get(record(frame));
        if (mapBase) {
            return Keyed.readMap((AttributeMap) container, k, this);
        }
        return Keyed.readValue(record(frame).log().body(), k, this);
    }

    @Override
    public void executeSet(VirtualFrame frame, Object value) {
        Object[] k = keys(frame);
        Object stored = Values.toStored(value);
        if (mapBase) {
            Keyed.writeMap((AttributeMap) base.get(record(frame)), k, stored, this);
        } else {
            Keyed.writeValue(record(frame).log().body(), k, stored, this);
        }
    }

    @Override
    public String describe() {
        return text;
    }
}
