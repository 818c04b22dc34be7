package io.ottl4j.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.grammar.ast.BoolExpr;
import io.ottl4j.grammar.ast.Call;
import io.ottl4j.grammar.ast.Value;
import java.util.List;

/** Small helpers shared by the unit tests. */
final class Parsing {

    private Parsing() {
    }

    static Call statement(String text) {
        ParseResult<io.ottl4j.grammar.ast.Statement> result = OttlParser.parseStatement(text);
        assertThat(result.ok()).as("%s%n%s", text, result.format(text)).isTrue();
        return result.tree().invocation();
    }

    static BoolExpr condition(String text) {
        ParseResult<io.ottl4j.grammar.ast.Condition> result = OttlParser.parseCondition(text);
        assertThat(result.ok()).as("%s%n%s", text, result.format(text)).isTrue();
        return result.tree().expr();
    }

    static Value value(String text) {
        ParseResult<io.ottl4j.grammar.ast.ValueExpression> result = OttlParser.parseValueExpression(text);
        assertThat(result.ok()).as("%s%n%s", text, result.format(text)).isTrue();
        return result.tree().value();
    }

    /** The codes of the diagnostics, in order. */
    static List<String> codes(ParseResult<?> result) {
        return result.diagnostics().stream().map(Diagnostic::code).toList();
    }

    static List<String> statementErrors(String text) {
        ParseResult<?> result = OttlParser.parseStatement(text);
        assertThat(result.ok()).as("%s should not parse", text).isFalse();
        return codes(result);
    }

    static List<String> conditionErrors(String text) {
        ParseResult<?> result = OttlParser.parseCondition(text);
        assertThat(result.ok()).as("%s should not parse", text).isFalse();
        return codes(result);
    }

    static List<String> valueErrors(String text) {
        ParseResult<?> result = OttlParser.parseValueExpression(text);
        assertThat(result.ok()).as("%s should not parse", text).isFalse();
        return codes(result);
    }
}
