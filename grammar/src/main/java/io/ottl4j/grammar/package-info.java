/**
 * OTTL syntax: {@link io.ottl4j.grammar.OttlParser} turns statement, condition or value-expression
 * text into a syntax tree ({@link io.ottl4j.grammar.ast}) and reports every problem as a
 * {@link io.ottl4j.grammar.Diagnostic} with a stable code ({@link io.ottl4j.grammar.SyntaxCode},
 * documented in {@code docs/diagnostics.md}). {@link io.ottl4j.grammar.AstPrinter} prints a tree;
 * {@link io.ottl4j.grammar.OttlTokenizer} exposes the tokens (for highlighting).
 */
package io.ottl4j.grammar;
