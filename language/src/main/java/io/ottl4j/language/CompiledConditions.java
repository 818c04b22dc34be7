package io.ottl4j.language;

import com.oracle.truffle.api.CallTarget;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.List;

/** Compiled conditions for one context; thread-safe. */
public final class CompiledConditions {
    private final ContextKind context;
    private final List<String> conditions;
    private final CallTarget target;

    CompiledConditions(ContextKind context, List<String> conditions, CallTarget target) {
        this.context = context;
        this.conditions = conditions;
        this.target = target;
    }

    public ContextKind context() {
        return context;
    }

    public List<String> conditions() {
        return conditions;
    }

    /** @throws OttlRuntimeException under error mode propagate */
    public boolean test(TransformContext record) {
        return (Boolean) target.call(record);
    }

    /** The result for each record of the context, in document order. */
    public List<Boolean> evaluate(TelemetryBatch<?> batch) {
        List<Boolean> out = new ArrayList<>();
        Records.forEach(context, batch, r -> out.add(test(r)));
        return out;
    }
}
