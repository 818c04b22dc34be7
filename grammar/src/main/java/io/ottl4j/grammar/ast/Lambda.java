package io.ottl4j.grammar.ast;

import java.util.List;

/**
 * {@code (k, v) => body} (post-baseline, experimental upstream). Only ever appears as an
 * {@link Argument} value. Parameters are single lowercase words or {@code _}; the body is a
 * {@link Value} when it is a plain value (including a lone converter call or {@code true}/{@code false}),
 * otherwise a {@link BoolExpr}. Parameters are referenced in the body as one-segment paths.
 */
public record Lambda(List<String> params, Node body, SourceSpan span) implements Value {

    public Lambda {
        params = Nodes.list(params, "params");
        Nodes.require(body, "body");
        if (!(body instanceof Value || body instanceof BoolExpr)) {
            throw new IllegalArgumentException("lambda body must be a value or a condition: " + body);
        }
        Nodes.require(span, "span");
    }
}
