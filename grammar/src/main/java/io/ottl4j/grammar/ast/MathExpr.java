package io.ottl4j.grammar.ast;

/**
 * A binary arithmetic expression. Chains are left-associative ({@code a - b - c} is
 * {@code (a - b) - c}) and {@code *}/{@code /} bind tighter than {@code +}/{@code -}; parentheses only
 * group, so a parenthesised operand is the inner node with its own (inner) span.
 */
public record MathExpr(Value left, MathOp op, Value right, SourceSpan span) implements Value {

    public MathExpr {
        Nodes.require(left, "left");
        Nodes.require(op, "op");
        Nodes.require(right, "right");
        Nodes.require(span, "span");
    }
}
