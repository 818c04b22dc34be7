package io.ottl4j.grammar.ast;

/** An int64 literal; a leading sign is part of the literal ({@code -1}). */
public record IntLiteral(long value, SourceSpan span) implements Value {

    public IntLiteral {
        Nodes.require(span, "span");
    }
}
