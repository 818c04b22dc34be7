package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.internal.contexts.TraceStates;
import io.ottl4j.language.nodes.PathNode;

/** {@code trace_state["key"]}: one member of the span's W3C trace state. */
public final class TraceStateKeyPathNode extends PathNode {
    private final String key;
    private final String text;

    public TraceStateKeyPathNode(String key, String text) {
        this.key = key;
        this.text = text;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return TraceStates.get(record(frame), key);
    }

    @Override
    public void executeSet(VirtualFrame frame, Object value) {
        TraceStates.set(record(frame), key, value);
    }

    @Override
    public String describe() {
        return text;
    }
}
