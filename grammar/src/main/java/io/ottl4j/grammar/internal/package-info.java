/**
 * Implementation of the grammar module (the generated ANTLR lexer and parser, tree building, error
 * messages). Not API: other modules use {@code io.ottl4j.grammar} and {@code io.ottl4j.grammar.ast}.
 */
package io.ottl4j.grammar.internal;
