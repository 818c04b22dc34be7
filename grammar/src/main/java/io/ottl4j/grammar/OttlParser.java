package io.ottl4j.grammar;

import io.ottl4j.grammar.ast.Condition;
import io.ottl4j.grammar.ast.Statement;
import io.ottl4j.grammar.ast.ValueExpression;
import io.ottl4j.grammar.internal.ParseSession;

/**
 * Parses OTTL text into a syntax tree with source spans, reporting every syntax problem as a
 * {@link Diagnostic}. Thread-safe: each call uses its own lexer and parser (ANTLR's prediction
 * caches are shared and synchronised).
 */
public final class OttlParser {

    private OttlParser() {
    }

    /** An editor invocation with an optional {@code where} clause, e.g. {@code set(name, "x") where ...}. */
    public static ParseResult<Statement> parseStatement(String text) {
        return ParseSession.parse(text, ParseSession.Entry.STATEMENT, Statement.class);
    }

    /** A standalone condition, e.g. {@code name == "x" and not IsMatch(body, "a")}. */
    public static ParseResult<Condition> parseCondition(String text) {
        return ParseSession.parse(text, ParseSession.Entry.CONDITION, Condition.class);
    }

    /** A standalone value, e.g. {@code attributes["a"]} or {@code Concat([a, b], "-")}. */
    public static ParseResult<ValueExpression> parseValueExpression(String text) {
        return ParseSession.parse(text, ParseSession.Entry.VALUE, ValueExpression.class);
    }
}
