package io.ottl4j.grammar.ast;

/** {@code nil}. */
public record NilLiteral(SourceSpan span) implements Value {

    public NilLiteral {
        Nodes.require(span, "span");
    }
}
