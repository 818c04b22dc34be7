package io.ottl4j.grammar.ast;

/** A string literal; {@code value} is already unquoted with Go's escape rules. */
public record StringLiteral(String value, SourceSpan span) implements Value {

    public StringLiteral {
        Nodes.require(value, "value");
        Nodes.require(span, "span");
    }
}
