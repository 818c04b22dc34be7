package io.ottl4j.grammar.ast;

/**
 * A dynamic key evaluated at run time: a path, a converter call, arithmetic, or a float literal
 * ({@code [attributes["k"]]}, {@code [Len(x) - 1]}, {@code [1.5]}). The span includes the brackets.
 */
public record ExprKey(Value expr, SourceSpan span) implements Key {

    public ExprKey {
        Nodes.require(expr, "expr");
        Nodes.require(span, "span");
    }
}
