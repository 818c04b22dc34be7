package io.ottl4j.language.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.nodes.PathNode;

/** A path argument, read and written by the function (upstream {@code GetSetter}); only paths bind to it. */
public final class GetSetter extends Node {
    @Child private PathNode path;

    public GetSetter(PathNode path) {
        this.path = path;
    }

    public PathNode path() {
        return path;
    }

    public Object get(VirtualFrame frame) {
        return path.executeGeneric(frame);
    }

    public void set(VirtualFrame frame, Object value) {
        path.executeSet(frame, value);
    }
}
