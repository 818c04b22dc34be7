package io.ottl4j.grammar;

import static io.ottl4j.grammar.Parsing.statement;
import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.grammar.ast.Call;
import io.ottl4j.grammar.ast.Comparison;
import io.ottl4j.grammar.ast.SourceSpan;
import io.ottl4j.grammar.ast.Statement;
import io.ottl4j.grammar.ast.StringLiteral;
import org.junit.jupiter.api.Test;

/** Spans are char offsets with 1-based lines and columns. */
class SpanTest {

    @Test
    void offsetsLinesAndColumns() {
        String text = "set(x,\n  \"ab\")";
        Call call = statement(text);
        SourceSpan literal = call.args().get(1).value().span();
        assertThat(literal).isEqualTo(new SourceSpan(9, 13, 2, 3, 2, 7));
        assertThat(text.substring(literal.start(), literal.end())).isEqualTo("\"ab\"");
        assertThat(call.span()).isEqualTo(new SourceSpan(0, 14, 1, 1, 2, 8));
        assertThat(literal.toString()).isEqualTo("2:3-2:7");
        assertThat(SourceSpan.of(text, 9, 13)).isEqualTo(literal);
    }

    @Test
    void supplementaryCharactersCountAsTwoChars() {
        String text = "set(x, \"😀\") where y == \"é\"";
        Statement statement = OttlParser.parseStatement(text).orElseThrow();
        StringLiteral emoji = (StringLiteral) statement.invocation().args().get(1).value();
        assertThat(text.substring(emoji.span().start(), emoji.span().end())).isEqualTo("\"😀\"");
        Comparison where = (Comparison) statement.where();
        assertThat(text.substring(where.span().start(), where.span().end())).isEqualTo("y == \"é\"");
        assertThat(where.span().column()).isEqualTo(text.indexOf('y') + 1);
    }

    @Test
    void statementSpanExcludesTrailingWhitespace() {
        String text = "  set(x)  where y == 1  \n";
        Statement statement = OttlParser.parseStatement(text).orElseThrow();
        assertThat(text.substring(statement.span().start(), statement.span().end())).isEqualTo("set(x)  where y == 1");
    }

    @Test
    void endOfInputErrorsPointJustAfterTheText() {
        String text = "set(x,\n  1";
        Diagnostic d = OttlParser.parseStatement(text).diagnostics().get(0);
        assertThat(d.span()).isEqualTo(new SourceSpan(text.length(), text.length(), 2, 4, 2, 4));
    }
}
