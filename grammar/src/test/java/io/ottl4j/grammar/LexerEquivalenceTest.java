package io.ottl4j.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our longest-match lexer must produce exactly the tokens of upstream's ordered first-match lexer:
 * every example of spec §1.2 and every case of upstream's lexer_test.go. Expected tokens are written
 * as {@code Kind(text)} with upstream's token names.
 */
class LexerEquivalenceTest {

    static Stream<Arguments> examples() {
        return Stream.of(
                // §1.2 identifiers are split by case
                cases("IsMatch", "Uppercase(I) Lowercase(s) Uppercase(M) Lowercase(atch)"),
                cases("aBCd_123E_4", "Lowercase(a) Uppercase(BC) Lowercase(d_123) Uppercase(E_4)"),
                cases("SPAN_KIND_SERVER S", "Uppercase(SPAN_KIND_SERVER) Uppercase(S)"),
                // §1.2 keywords only at word boundaries
                cases("android oreo nothing trueish not_x", "Lowercase(android) Lowercase(oreo) Lowercase(nothing) "
                        + "Lowercase(trueish) Lowercase(not_x)"),
                cases("and or not true false", "OpAnd(and) OpOr(or) OpNot(not) Boolean(true) Boolean(false)"),
                cases("not1 and_ or9", "Lowercase(not1) Lowercase(and_) Lowercase(or9)"),
                // the trailing \b fails before an uppercase letter: upstream splits the word
                cases("notX", "Lowercase(not) Uppercase(X)"),
                cases("trueFalse", "Lowercase(true) Uppercase(F) Lowercase(alse)"),
                cases("orX_1Yz", "Lowercase(or) Uppercase(X_1Y) Lowercase(z)"),
                // participle matches on the rest of the input, where a leading \b always holds
                cases("Xor", "Uppercase(X) OpOr(or)"),
                cases("1and", "Int(1) OpAnd(and)"),
                cases("IsTrue", "Uppercase(I) Lowercase(s) Uppercase(T) Lowercase(rue)"),
                // §1.2 nil and where are plain lowercase words
                cases("nil where nils whereas", "Lowercase(nil) Lowercase(where) Lowercase(nils) Lowercase(whereas)"),
                cases("nilX", "Lowercase(nil) Uppercase(X)"),
                // §1.2 signs belong to numbers
                cases("-1 +1", "Int(-1) Int(+1)"),
                cases("3-1", "Int(3) Int(-1)"),
                cases("3 - 1", "Int(3) OpAddSub(-) Int(1)"),
                cases("-attributes", "OpAddSub(-) Lowercase(attributes)"),
                cases("-(1)", "OpAddSub(-) LParen(() Int(1) RParen())"),
                // §1.2 operators that do not exist
                cases("=<", "Equal(=) OpComparison(<)"),
                cases("<>", "OpComparison(<) OpComparison(>)"),
                cases("==>", "OpComparison(==) OpComparison(>)"),
                cases("=", "Equal(=)"),
                cases("=>", "Arrow(=>)"), // upstream: Equal(=) OpComparison(>); one token keeps it out of comparisons
                // §1.4 numbers
                cases("1.", "Int(1) Punct(.)"),
                cases(".5 -1.25 2.5e3 1.797e+308 -.5e-3", "Float(.5) Float(-1.25) Float(2.5e3) Float(1.797e+308) "
                        + "Float(-.5e-3)"),
                cases("1e5", "Int(1) Lowercase(e5)"),
                cases("1.5e", "Float(1.5) Lowercase(e)"),
                cases("1.5.5", "Float(1.5) Float(.5)"),
                cases("a.5", "Lowercase(a) Float(.5)"),
                // §1.5 bytes
                cases("0x0102 0xAbCd", "Bytes(0x0102) Bytes(0xAbCd)"),
                cases("0x 0X12", "Int(0) Lowercase(x) Int(0) Uppercase(X12)"),
                cases("0x12g", "Bytes(0x12) Lowercase(g)"),
                // §1.3 strings
                cases("\"a\\\"b\" \"\\\\\"", "String(\"a\\\"b\") String(\"\\\\\")"),
                cases("\"multi\nline\"", "String(\"multi\nline\")"),
                cases("'x'", "Error('x')"),
                cases("\"open", "Error(\"open)"),
                cases("\"a\\\n\"", "Error(\"a) Error(\\) Error(\")"),
                // whitespace is Go's \s: no vertical tab
                cases("a \t\r\n\fb", "Lowercase(a) Lowercase(b)"),
                cases("a\u000bb", "Lowercase(a) Error(\u000b) Lowercase(b)"),
                cases("_ a_", "Underscore(_) Lowercase(a_)"),
                // upstream lexer_test.go
                cases("abc", "Lowercase(abc)"),
                cases("ABC", "Uppercase(ABC)"),
                cases("3==4.9", "Int(3) OpComparison(==) Float(4.9)"),
                cases("3!=4.9", "Int(3) OpComparison(!=) Float(4.9)"),
                cases("foo bar BAZZ", "Lowercase(foo) Lowercase(bar) Uppercase(BAZZ)"),
                cases("iphone android", "Lowercase(iphone) Lowercase(android)"),
                cases("iphone and roid", "Lowercase(iphone) OpAnd(and) Lowercase(roid)"),
                cases("oreo corn", "Lowercase(oreo) Lowercase(corn)"),
                cases("if, and, or but", "Lowercase(if) Punct(,) OpAnd(and) Punct(,) OpOr(or) Lowercase(but)"),
                cases("true and not false", "Boolean(true) OpAnd(and) OpNot(not) Boolean(false)"),
                cases("|", "Error(|)"),
                cases("set(attributes[\"bytes\"], 0x0102030405060708)", "Lowercase(set) LParen(() "
                        + "Lowercase(attributes) Punct([) String(\"bytes\") Punct(]) Punct(,) "
                        + "Bytes(0x0102030405060708) RParen())"),
                cases("a(\"\\\\\", \"b\")", "Lowercase(a) LParen(() String(\"\\\\\") Punct(,) String(\"b\") RParen())"),
                cases("\"\\\"", "Error(\"\\\")"),
                cases("+-*/", "OpAddSub(+) OpAddSub(-) OpMultDiv(*) OpMultDiv(/)"),
                cases("1000 - 600", "Int(1000) OpAddSub(-) Int(600)"),
                cases("1.1 * 2.9", "Float(1.1) OpMultDiv(*) Float(2.9)"),
                cases("{\"foo\":\"bar\"}", "LBrace({) String(\"foo\") Colon(:) String(\"bar\") RBrace(})"),
                cases(">= <= > < == !=", "OpComparison(>=) OpComparison(<=) OpComparison(>) OpComparison(<) "
                        + "OpComparison(==) OpComparison(!=)"));
    }

    private static Arguments cases(String input, String expected) {
        return Arguments.of(input, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void tokensMatchUpstream(String input, String expected) {
        List<OttlToken> tokens = OttlTokenizer.tokenize(input);
        String actual = String.join(" ", tokens.stream()
                .map(t -> t.kind().upstreamName() + "(" + t.text() + ")").toList());
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void spansCoverTheTokenText(String input, String ignored) {
        for (OttlToken token : OttlTokenizer.tokenize(input)) {
            assertThat(input.substring(token.span().start(), token.span().end())).isEqualTo(token.text());
        }
    }
}
