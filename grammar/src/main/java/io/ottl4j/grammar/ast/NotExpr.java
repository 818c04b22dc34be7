package io.ottl4j.grammar.ast;

/** {@code not x}; the span includes the {@code not}. The grammar allows only one {@code not} in a row. */
public record NotExpr(BoolExpr operand, SourceSpan span) implements BoolExpr {

    public NotExpr {
        Nodes.require(operand, "operand");
        Nodes.require(span, "span");
    }
}
