package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.RootNode;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.OttlRuntimeException;

/**
 * A statement sequence for one record, optionally guarded by the group conditions of the transform
 * processor: one call target per sequence, so a whole group compiles into one unit.
 */
public final class StatementsRoot extends RootNode {
    @Child private ConditionsNode guard;
    @Children private final StatementNode[] statements;
    private final ErrorMode errorMode;

    public StatementsRoot(FrameDescriptor frame, ConditionsNode guard, StatementNode[] statements, ErrorMode errorMode) {
        super(null, frame);
        this.guard = guard;
        this.statements = statements;
        this.errorMode = errorMode;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        if (guard != null && !guard.execute(frame)) {
            return Boolean.FALSE;
        }
        for (StatementNode s : statements) {
            try {
                s.execute(frame);
            } catch (OttlRuntimeException e) {
                ErrorPolicy.handle(errorMode, "statement", s.text(), e);
            } catch (RuntimeException | StackOverflowError e) {
                // a fault of a function on this record (e.g. a value nested too deep for the stack): the
                // record is handled per error_mode like any runtime error, and the worker goes on
                ErrorPolicy.handle(errorMode, "statement", s.text(), ErrorPolicy.fault(e, s));
            }
        }
        return Boolean.TRUE;
    }

    @Override
    public String getName() {
        return "ottl-statements";
    }
}
