package io.ottl4j.grammar.ast;

/** {@code true} or {@code false}: both a condition and a value. */
public record BoolLiteral(boolean value, SourceSpan span) implements BoolExpr, Value {

    public BoolLiteral {
        Nodes.require(span, "span");
    }
}
