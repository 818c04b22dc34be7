package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.nodes.PathNode;

/** A path that reads like its delegate and refuses every write ({@code otelcol.client.metadata["k"]}). */
public final class ReadOnlyPathNode extends PathNode {
    @Child private PathNode path;
    private final String message;

    public ReadOnlyPathNode(PathNode path, String message) {
        this.path = path;
        this.message = message;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return path.executeGeneric(frame);
    }

    @Override
    public void executeSet(VirtualFrame frame, Object value) {
        throw new OttlRuntimeException(message, this);
    }

    @Override
    public String describe() {
        return path.describe();
    }
}
