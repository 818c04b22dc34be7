package io.ottl4j.grammar.ast;

import java.util.List;

/** {@code a and b and ...}: at least two terms, evaluated left to right with short-circuit. */
public record AndExpr(List<BoolExpr> terms, SourceSpan span) implements BoolExpr {

    public AndExpr {
        terms = Nodes.atLeastTwo(terms, "terms");
        Nodes.require(span, "span");
    }
}
