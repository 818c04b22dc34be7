package io.ottl4j.repl;

import io.ottl4j.grammar.Diagnostic;
import io.ottl4j.grammar.OttlParser;
import io.ottl4j.grammar.ParseResult;
import io.ottl4j.grammar.ast.Condition;
import io.ottl4j.grammar.ast.Statement;
import io.ottl4j.grammar.ast.ValueExpression;
import io.ottl4j.language.inspect.Explainer;
import java.util.List;

/**
 * What the user typed, read as a statement, else a condition, else a value expression (the parser
 * entry points in that order). When none parses, the errors of the reading that got furthest are kept.
 */
record Input(Kind kind, String text, Statement statement, Condition condition, ValueExpression expression, List<Diagnostic> errors) {
    enum Kind { STATEMENT, CONDITION, EXPRESSION, INVALID }

    static Input read(String text) {
        ParseResult<Statement> st = OttlParser.parseStatement(text);
        if (st.ok()) {
            return new Input(Kind.STATEMENT, text, st.tree(), null, null, List.of());
        }
        ParseResult<Condition> cond = OttlParser.parseCondition(text);
        if (cond.ok()) {
            return new Input(Kind.CONDITION, text, null, cond.tree(), null, List.of());
        }
        ParseResult<ValueExpression> val = OttlParser.parseValueExpression(text);
        if (val.ok()) {
            return new Input(Kind.EXPRESSION, text, null, null, val.tree(), List.of());
        }
        ParseResult<?> best = Explainer.furthest(st, cond, val);
        return new Input(Kind.INVALID, text, null, null, null, best.errors());
    }
}
