package io.ottl4j.grammar;

import static io.ottl4j.grammar.Parsing.codes;
import static io.ottl4j.grammar.Parsing.value;
import static io.ottl4j.grammar.Parsing.valueErrors;
import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.grammar.ast.BoolLiteral;
import io.ottl4j.grammar.ast.BytesLiteral;
import io.ottl4j.grammar.ast.FloatLiteral;
import io.ottl4j.grammar.ast.IntLiteral;
import io.ottl4j.grammar.ast.NilLiteral;
import io.ottl4j.grammar.ast.StringLiteral;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Spec §1.3–§1.5: how literals decode, and which ones upstream rejects. */
class LiteralTest {

    @Test
    void stringsUseGoEscapes() {
        // OTTL source (as a Java literal) -> value
        assertString("\"\\\\\"", "\\");
        assertString("\"\\\\\\\\\"", "\\\\");
        assertString("\"\\\"\"", "\"");
        assertString("\"fo\\\"o\"", "fo\"o");
        assertString("\"\\x41\\101\\u00e9\\351\"", "AA\u00e9\u00e9");
        assertString("\"\\U0001F600\"", "\uD83D\uDE00");
        assertString("\"\\a\\b\\f\\n\\r\\t\\v\"", "\u0007\b\f\n\r\t\u000b");
        assertString("\"\\xff\"", "\u00ff");
    }

    private static void assertString(String literal, String expected) {
        assertThat(value(literal)).as(literal).isInstanceOfSatisfying(StringLiteral.class,
                s -> assertThat(s.value()).isEqualTo(expected));
    }

    @Test
    void rawLineBreaksAndUnicodeStayAsWritten() {
        assertThat(((StringLiteral) value("\"a\nb é 😀\"")).value()).isEqualTo("a\nb é 😀");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "\\d"
            "\\'"
            "\\."
            "\\x4"
            "\\x4g"
            "\\u12"
            "\\uD800"
            "\\U00110000"
            "\\400"
            "\\0"
            "\\8"
            """)
    void invalidEscapesAreParseErrors(String literal) {
        assertThat(valueErrors(literal)).containsExactly("OTTL-E004");
    }

    @Test
    void invalidEscapeSpanCoversTheEscape() {
        String text = "\"ab\\qc\"";
        Diagnostic d = OttlParser.parseValueExpression(text).diagnostics().get(0);
        assertThat(text.substring(d.span().start(), d.span().end())).isEqualTo("\\q");
        assertThat(d.message()).isEqualTo("invalid escape \\q in string: write \\\\q");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0, 0", "42, 42", "-42, -42", "+7, 7", "9223372036854775807, 9223372036854775807",
            "-9223372036854775808, -9223372036854775808", "00, 0", "007, 7"})
    void integers(String literal, long expected) {
        ParseResult<?> result = OttlParser.parseValueExpression(literal);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(((io.ottl4j.grammar.ast.ValueExpression) result.tree()).value())
                .isEqualTo(new IntLiteral(expected, ((io.ottl4j.grammar.ast.ValueExpression) result.tree()).span()));
    }

    @Test
    void integerOutOfRange() {
        assertThat(valueErrors("9223372036854775808")).containsExactly("OTTL-E006");
        assertThat(valueErrors("-9223372036854775809")).containsExactly("OTTL-E006");
        assertThat(valueErrors("01777777777777777777777")).containsExactly("OTTL-E006");
    }

    @Test
    void leadingZeroMeansOctalAsInGo() {
        ParseResult<io.ottl4j.grammar.ast.ValueExpression> result = OttlParser.parseValueExpression("-010");
        assertThat(result.ok()).isTrue();
        assertThat(((IntLiteral) result.tree().value()).value()).isEqualTo(-8);
        assertThat(codes(result)).containsExactly("OTTL-E008");
        assertThat(result.warnings()).hasSize(1);
        assertThat(valueErrors("09")).containsExactly("OTTL-E007");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1.5, 1.5", ".5, 0.5", "-1.25, -1.25", "2.5e3, 2500.0", "1.797e+308, 1.797e308",
            "+.25E-2, 0.0025", "1.0e-400, 0.0"})
    void floats(String literal, double expected) {
        assertThat(((FloatLiteral) value(literal)).value()).isEqualTo(expected);
    }

    @Test
    void negativeZeroFloatKeepsItsSign() {
        assertThat(Double.doubleToRawLongBits(((FloatLiteral) value("-0.0")).value()))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void floatOutOfRange() {
        assertThat(valueErrors("1.0e400")).containsExactly("OTTL-E009");
        assertThat(valueErrors("-1.0e400")).containsExactly("OTTL-E009");
    }

    @Test
    void bytes() {
        assertThat(((BytesLiteral) value("0x0102AbCd")).value()).containsExactly(0x01, 0x02, 0xab, 0xcd);
        assertThat(valueErrors("0x123")).containsExactly("OTTL-E010");
    }

    @Test
    void bytesLiteralIsImmutable() {
        BytesLiteral bytes = (BytesLiteral) value("0x0102");
        bytes.value()[0] = 9;
        assertThat(bytes.value()).containsExactly(1, 2);
        assertThat(bytes).isEqualTo(value("0x0102"));
    }

    @Test
    void booleansAndNil() {
        assertThat(value("true")).isInstanceOfSatisfying(BoolLiteral.class, b -> assertThat(b.value()).isTrue());
        assertThat(value("false")).isInstanceOfSatisfying(BoolLiteral.class, b -> assertThat(b.value()).isFalse());
        assertThat(value("nil")).isInstanceOf(NilLiteral.class);
    }

    @Test
    void malformedNumbers() {
        assertThat(valueErrors("1.")).containsExactly("OTTL-E017");
        assertThat(valueErrors("1e5")).containsExactly("OTTL-E017");
        assertThat(valueErrors("12abc")).containsExactly("OTTL-E017");
    }
}
