package io.ottl4j.grammar.ast;

/** A standalone boolean expression (filter processor, routing, ...). */
public record Condition(BoolExpr expr, SourceSpan span) implements Node {

    public Condition {
        Nodes.require(expr, "expr");
        Nodes.require(span, "span");
    }
}
