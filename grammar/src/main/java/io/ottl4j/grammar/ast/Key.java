package io.ottl4j.grammar.ast;

/** One {@code [ ... ]} index of a path segment or of a converter result. */
public sealed interface Key extends Node permits StringKey, IntKey, ExprKey {
}
