package io.ottl4j.grammar.ast;

/** A standalone value expression. */
public record ValueExpression(Value value, SourceSpan span) implements Node {

    public ValueExpression {
        Nodes.require(value, "value");
        Nodes.require(span, "span");
    }
}
