package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * Runs a per-record call target over a chunk of records in one call: the host pays the call into
 * Truffle once per chunk, and the per-record target is inlined into this loop.
 */
public final class BatchRoot extends RootNode {
    @Child private DirectCallNode perRecord;

    public BatchRoot(CallTarget perRecordTarget) {
        super(null);
        this.perRecord = DirectCallNode.create(perRecordTarget);
        this.perRecord.forceInlining();
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object[] args = frame.getArguments();
        Object[] records = (Object[]) args[0];
        int n = (Integer) args[1];
        for (int i = 0; i < n; i++) {
            perRecord.call(records[i]);
        }
        return null;
    }

    @Override
    public String getName() {
        return "ottl-batch";
    }
}
