package io.ottl4j.grammar.ast;

/** Something that evaluates to a value: an argument, a comparison operand, a list element, ... */
public sealed interface Value extends Node
        permits NilLiteral, StringLiteral, IntLiteral, FloatLiteral, BoolLiteral, BytesLiteral, EnumSymbol,
                PathExpr, Call, MathExpr, ListLiteral, MapLiteral, FunctionRef, Lambda {
}
