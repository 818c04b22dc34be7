package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

/** A condition sequence as its own call target (filter processor, routing, {@code ottl eval --condition}). */
public final class ConditionsRoot extends RootNode {
    @Child private ConditionsNode conditions;

    public ConditionsRoot(FrameDescriptor frame, ConditionsNode conditions) {
        super(null, frame);
        this.conditions = conditions;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return conditions.execute(frame);
    }

    @Override
    public String getName() {
        return "ottl-conditions";
    }
}
