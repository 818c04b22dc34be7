package io.ottl4j.language;

import com.oracle.truffle.api.CallTarget;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;

/** Compiled statements (optionally guarded by conditions) for one context; thread-safe. */
public final class CompiledStatements {
    private final ContextKind context;
    private final List<String> conditions;
    private final List<String> statements;
    private final CallTarget target;
    private final CallTarget batchTarget;

    CompiledStatements(ContextKind context, List<String> conditions, List<String> statements, CallTarget target) {
        this.context = context;
        this.conditions = conditions;
        this.statements = statements;
        this.target = target;
        this.batchTarget = new io.ottl4j.language.internal.nodes.BatchRoot(target).getCallTarget();
    }

    public ContextKind context() {
        return context;
    }

    public List<String> conditions() {
        return conditions;
    }

    public List<String> statements() {
        return statements;
    }

    /**
     * Runs on one record. Returns false when the group's conditions did not hold.
     *
     * @throws OttlRuntimeException under error mode propagate
     */
    public boolean execute(TransformContext record) {
        try {
            return (Boolean) target.call(record);
        } finally {
            record.commit();
        }
    }

    /**
     * Runs on every record of the context in the batch, in document order. Records are handed to the
     * compiled code a scope at a time, so the cost of entering it is paid per scope, not per record.
     */
    public void execute(TelemetryBatch<?> batch) {
        execute(batch, null);
    }

    /**
     * As {@link #execute(TelemetryBatch)}, with {@code sharedCache} (when not null) as the {@code cache} of every
     * record: what one record leaves there the next record, and the next group given the same map, see.
     */
    public void execute(TelemetryBatch<?> batch, io.ottl4j.pdata.AttributeMap sharedCache) {
        boolean commit = context == ContextKind.PROFILE; // profile attributes are written back through the dictionary per record
        if (sharedCache == null && !commit) {
            Records.forEachChunk(context, batch, (records, n) -> batchTarget.call(records, n));
            return;
        }
        Records.forEachChunk(context, batch, (records, n) -> {
            if (sharedCache != null) {
                for (int i = 0; i < n; i++) {
                    ((TransformContext) records[i]).withCache(sharedCache);
                }
            }
            try {
                batchTarget.call(records, n);
            } finally {
                if (commit) {
                    for (int i = 0; i < n; i++) {
                        ((TransformContext) records[i]).commit();
                    }
                }
            }
        });
    }
}
