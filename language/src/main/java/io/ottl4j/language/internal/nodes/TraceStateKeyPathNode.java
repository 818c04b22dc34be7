package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.internal.contexts.TraceStates;
import io.ottl4j.language.internal.contexts.WritePolicy;
import io.ottl4j.language.nodes.PathNode;

/** {@code trace_state["key"]}: one member of the span's W3C trace state. */
public final class TraceStateKeyPathNode extends PathNode implements WritePolicy.Site {
    private final String key;
    private final String text;
    private final WritePolicy policy;

    public TraceStateKeyPathNode(String key, String text, WritePolicy policy) {
        this.key = key;
        this.text = text;
        this.policy = policy;
    }

    @Override
    public WritePolicy writePolicy() {
        return policy;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return TraceStates.get(record(frame), key);
    }

    @Override
    public void executeSet(VirtualFrame frame, Object value) {
        TraceStates.set(record(frame), key, value, this);
    }

    @Override
    public String describe() {
        return text;
    }
}
