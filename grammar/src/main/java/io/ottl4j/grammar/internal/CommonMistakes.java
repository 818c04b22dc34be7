package io.ottl4j.grammar.internal;

import io.ottl4j.grammar.SyntaxCode;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Recognisers for the parse errors users make most, each with its own code and advice. */
final class CommonMistakes {

    /** Where a parse error happened: the offending token, its neighbours and the expected set. */
    record Site(SourceText source, DiagnosticSink sink, TokenStream tokens, Token previous, Token offending,
                Token next, IntervalSet expected) {

        int type() {
            return offending.getType();
        }

        boolean previousIs(int... types) {
            return previous != null && is(previous, types);
        }

        boolean gluedToPrevious() {
            return previous != null && previous.getStopIndex() + 1 == offending.getStartIndex();
        }

        void error(SyntaxCode code, Token from, Token to, String message, String suggestion) {
            sink.error(code, message, source.span(from, to), suggestion);
        }
    }

    private static final IntervalSet COMPARE_OPS = new IntervalSet(OttlLexer.EQ, OttlLexer.NE, OttlLexer.GE,
            OttlLexer.LE, OttlLexer.GT, OttlLexer.LT);
    private static final IntervalSet NAME_TOKENS = new IntervalSet(OttlLexer.UPPERCASE, OttlLexer.LOWERCASE,
            OttlLexer.NIL, OttlLexer.WHERE);
    private static final IntervalSet KEYWORDS = new IntervalSet(OttlLexer.AND, OttlLexer.OR, OttlLexer.NOT,
            OttlLexer.BOOLEAN);
    /** Tokens that can end an operand, so that a sign right after them reads as a new number. */
    private static final IntervalSet OPERAND_ENDS = new IntervalSet(OttlLexer.INT, OttlLexer.FLOAT, OttlLexer.BYTES,
            OttlLexer.STRING, OttlLexer.BOOLEAN, OttlLexer.NIL, OttlLexer.WHERE, OttlLexer.LOWERCASE,
            OttlLexer.UPPERCASE, OttlLexer.RPAREN, OttlLexer.RBRACK, OttlLexer.RBRACE);

    private CommonMistakes() {
    }

    /** Reports the error if it is a known mistake; returns false to fall back to the generic message. */
    static boolean report(Site site) {
        return wrongOperator(site) || chainedComparison(site) || doubleNot(site) || gluedSignedNumber(site)
                || unarySign(site) || malformedNumber(site) || keywordAsName(site) || bareConverterName(site);
    }

    private static boolean chainedComparison(Site site) {
        if (!COMPARE_OPS.contains(site.type()) || !comparisonBefore(site)) {
            return false;
        }
        site.error(SyntaxCode.CHAINED_COMPARISON, site.offending(), site.offending(), "comparisons cannot be chained",
                "combine two comparisons with `and`, e.g. `a < b and b < c`");
        return true;
    }

    /** Is there a comparison operator earlier in the same boolean term (same nesting level)? */
    private static boolean comparisonBefore(Site site) {
        int depth = 0;
        for (int i = site.offending().getTokenIndex() - 1; i >= 0; i--) {
            int type = site.tokens().get(i).getType();
            switch (type) {
                case OttlLexer.RPAREN, OttlLexer.RBRACK, OttlLexer.RBRACE -> depth++;
                case OttlLexer.LPAREN, OttlLexer.LBRACK, OttlLexer.LBRACE -> {
                    if (depth-- == 0) {
                        return false;
                    }
                }
                case OttlLexer.AND, OttlLexer.OR, OttlLexer.NOT, OttlLexer.WHERE, OttlLexer.COMMA, OttlLexer.ARROW -> {
                    if (depth == 0) {
                        return false;
                    }
                }
                default -> {
                    if (depth == 0 && COMPARE_OPS.contains(type)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean doubleNot(Site site) {
        if (site.type() != OttlLexer.NOT || !site.previousIs(OttlLexer.NOT)) {
            return false;
        }
        site.error(SyntaxCode.DOUBLE_NOT, site.previous(), site.offending(), "`not` can only be applied once",
                "drop both, or negate a parenthesised condition: `not (not x)`");
        return true;
    }

    private static boolean wrongOperator(Site site) {
        Token at = site.offending();
        Token next = site.next();
        boolean glued = next != null && at.getStopIndex() + 1 == next.getStartIndex();
        if (site.type() == OttlLexer.EQUAL && site.expected().contains(OttlLexer.EQ)) {
            if (glued && is(next, OttlLexer.LT, OttlLexer.GT)) {
                String wrong = "=" + next.getText();
                site.error(SyntaxCode.INVALID_OPERATOR, at, next, "`" + wrong + "` is not a comparison operator",
                        "did you mean `" + next.getText() + "=`?");
            } else {
                site.error(SyntaxCode.INVALID_OPERATOR, at, at, "`=` is not a comparison operator",
                        "compare with `==`; `=` only names an argument, as in `f(name = value)`");
            }
            return true;
        }
        if (site.type() == OttlLexer.EQUAL && site.previousIs(OttlLexer.EQ) && site.gluedToPrevious()) {
            site.error(SyntaxCode.INVALID_OPERATOR, site.previous(), at, "`===` is not a comparison operator",
                    "compare with `==`");
            return true;
        }
        if (site.type() == OttlLexer.ARROW && site.previousIs(OttlLexer.RPAREN)) {
            site.error(SyntaxCode.UNEXPECTED_TOKEN, at, at, "a lambda can only be the argument of a function",
                    "pass it to a converter, as in `Filter(list, (k, v) => v != nil)`");
            return true;
        }
        if (site.type() == OttlLexer.ARROW && !site.expected().contains(OttlLexer.ARROW)) {
            site.error(SyntaxCode.INVALID_OPERATOR, at, at, "`=>` is not a comparison operator",
                    "did you mean `>=`? (`=>` only introduces the body of a lambda)");
            return true;
        }
        if (site.type() == OttlLexer.GT && site.previousIs(OttlLexer.LT) && site.gluedToPrevious()) {
            site.error(SyntaxCode.INVALID_OPERATOR, site.previous(), at, "`<>` is not a comparison operator",
                    "use `!=`");
            return true;
        }
        return false;
    }

    private static boolean gluedSignedNumber(Site site) {
        if (!is(site.offending(), OttlLexer.INT, OttlLexer.FLOAT) || !hasSign(site.offending())
                || !site.gluedToPrevious() || !OPERAND_ENDS.contains(site.previous().getType())) {
            return false;
        }
        String number = site.offending().getText();
        String spaced = site.previous().getText() + " " + number.charAt(0) + " " + number.substring(1);
        site.error(SyntaxCode.GLUED_SIGNED_NUMBER, site.previous(), site.offending(),
                "`" + site.previous().getText() + number + "` is read as `" + site.previous().getText()
                        + "` followed by the number `" + number + "`",
                "put spaces around the operator: `" + spaced + "`");
        return true;
    }

    private static boolean unarySign(Site site) {
        if (!is(site.offending(), OttlLexer.PLUS, OttlLexer.MINUS) || !site.expected().contains(OttlLexer.INT)) {
            return false;
        }
        String sign = site.offending().getText();
        Token next = site.next();
        String suggestion = next != null && is(next, OttlLexer.INT, OttlLexer.FLOAT) && !hasSign(next)
                ? "write the sign directly before the number: `" + sign + next.getText() + "`"
                : "a sign only belongs to a number (`-1`); negate an expression with `-1 * x`";
        site.error(SyntaxCode.UNARY_SIGN, site.offending(), site.offending(),
                "OTTL has no unary `" + sign + "` operator", suggestion);
        return true;
    }

    private static boolean malformedNumber(Site site) {
        Token previous = site.previous();
        Token at = site.offending();
        if (previous == null || !is(previous, OttlLexer.INT, OttlLexer.FLOAT, OttlLexer.BYTES)
                || !site.gluedToPrevious()
                || !is(at, OttlLexer.LOWERCASE, OttlLexer.UPPERCASE, OttlLexer.NIL, OttlLexer.WHERE, OttlLexer.DOT,
                        OttlLexer.FLOAT, OttlLexer.INT)) {
            return false;
        }
        String text = previous.getText() + at.getText();
        String suggestion;
        if (previous.getType() == OttlLexer.INT && at.getText().matches("[eE][0-9]*")) {
            suggestion = "an exponent needs a decimal point: `" + previous.getText() + ".0" + at.getText() + "`";
        } else if (previous.getType() == OttlLexer.INT && at.getType() == OttlLexer.DOT) {
            suggestion = "write at least one digit after the decimal point: `" + previous.getText() + ".0`";
        } else {
            suggestion = "separate the number from what follows it";
        }
        site.error(SyntaxCode.MALFORMED_NUMBER, previous, at, "malformed number `" + text + "`", suggestion);
        return true;
    }

    private static boolean keywordAsName(Site site) {
        IntervalSet expected = site.expected();
        if (!KEYWORDS.contains(site.type()) || expected.isNil() || !expected.subtract(NAME_TOKENS).isNil()) {
            return false;
        }
        String word = site.offending().getText();
        site.error(SyntaxCode.KEYWORD_AS_NAME, site.offending(), site.offending(),
                "`" + word + "` is a keyword and cannot be used as a name",
                "`and`, `or`, `not`, `true` and `false` cannot name a path segment or a function");
        return true;
    }

    private static boolean bareConverterName(Site site) {
        if (!is(site.offending(), OttlLexer.LOWERCASE, OttlLexer.NIL, OttlLexer.WHERE)
                || !site.previousIs(OttlLexer.UPPERCASE) || !site.gluedToPrevious()) {
            return false;
        }
        reportBareName(site.source(), site.sink(), site.tokens(), site.previous());
        return true;
    }

    /** `Foo` written as a value: reports the whole run of glued case tokens that starts at {@code first}. */
    static void reportBareName(SourceText source, DiagnosticSink sink, TokenStream tokens, Token first) {
        Token last = first;
        StringBuilder name = new StringBuilder(first.getText());
        while (last.getTokenIndex() + 1 < tokens.size()) {
            Token next = tokens.get(last.getTokenIndex() + 1);
            if (!is(next, OttlLexer.UPPERCASE, OttlLexer.LOWERCASE, OttlLexer.NIL, OttlLexer.WHERE)
                    || next.getStartIndex() != last.getStopIndex() + 1) {
                break;
            }
            name.append(next.getText());
            last = next;
        }
        sink.error(SyntaxCode.BARE_CONVERTER_NAME, "`" + name + "` is not a value", source.span(first, last),
                "call the converter, as in `" + name + "(...)`; enum symbols are written in capitals");
    }

    private static boolean hasSign(Token token) {
        char first = token.getText().charAt(0);
        return first == '-' || first == '+';
    }

    static boolean is(Token token, int... types) {
        for (int type : types) {
            if (token.getType() == type) {
                return true;
            }
        }
        return false;
    }
}
