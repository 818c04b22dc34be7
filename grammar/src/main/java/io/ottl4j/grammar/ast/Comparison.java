package io.ottl4j.grammar.ast;

/** {@code left op right}; comparisons do not chain. */
public record Comparison(Value left, CompareOp op, Value right, SourceSpan span) implements BoolExpr {

    public Comparison {
        Nodes.require(left, "left");
        Nodes.require(op, "op");
        Nodes.require(right, "right");
        Nodes.require(span, "span");
    }
}
