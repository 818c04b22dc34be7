/**
 * The OTTL syntax tree: immutable records, each with the {@link io.ottl4j.grammar.ast.SourceSpan} it
 * was parsed from. {@link io.ottl4j.grammar.ast.Node} and its sub-interfaces are sealed, so a
 * {@code switch} over them is checked for completeness.
 */
package io.ottl4j.grammar.ast;
