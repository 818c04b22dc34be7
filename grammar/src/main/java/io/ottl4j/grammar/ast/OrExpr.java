package io.ottl4j.grammar.ast;

import java.util.List;

/** {@code a or b or ...}: at least two terms, evaluated left to right with short-circuit. */
public record OrExpr(List<BoolExpr> terms, SourceSpan span) implements BoolExpr {

    public OrExpr {
        terms = Nodes.atLeastTwo(terms, "terms");
        Nodes.require(span, "span");
    }
}
