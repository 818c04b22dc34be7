package io.ottl4j.language;

import com.oracle.truffle.api.CallTarget;

/** A compiled value expression for one context; thread-safe. */
public final class CompiledExpression {
    private final ContextKind context;
    private final String text;
    private final CallTarget target;

    CompiledExpression(ContextKind context, String text, CallTarget target) {
        this.context = context;
        this.text = text;
        this.target = target;
    }

    public ContextKind context() {
        return context;
    }

    public String text() {
        return text;
    }

    /**
     * The expression's value on one record: nil is {@code null}; see {@link io.ottl4j.language.function.Values}
     * for the value types.
     */
    public Object evaluate(TransformContext record) {
        return target.call(record);
    }
}
