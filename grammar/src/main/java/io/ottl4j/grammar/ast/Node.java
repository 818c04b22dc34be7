package io.ottl4j.grammar.ast;

/** Every element of the OTTL syntax tree; each knows where it came from. */
public sealed interface Node
        permits Statement, Condition, ValueExpression, BoolExpr, Value, Key, Path, Field, Argument, MapEntry {

    SourceSpan span();
}
