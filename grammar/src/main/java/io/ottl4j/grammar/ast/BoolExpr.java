package io.ottl4j.grammar.ast;

/** Something that evaluates to a boolean: the body of a condition or of a {@code where} clause. */
public sealed interface BoolExpr extends Node
        permits OrExpr, AndExpr, NotExpr, Comparison, BoolLiteral, ConverterCondition {
}
