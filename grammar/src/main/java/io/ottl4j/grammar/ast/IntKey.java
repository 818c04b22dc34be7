package io.ottl4j.grammar.ast;

/** {@code [0]} (also {@code [-1]}, which fails at run time). The span includes the brackets. */
public record IntKey(long value, SourceSpan span) implements Key {

    public IntKey {
        Nodes.require(span, "span");
    }
}
