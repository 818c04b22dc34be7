package io.ottl4j.grammar.internal;

import io.ottl4j.grammar.SyntaxCode;
import org.antlr.v4.runtime.Token;

/** Operators that do not exist or are misused: `=`, `<>`, `a < b < c`, `not not`, unary minus. */
final class OperatorMistakes {

    private OperatorMistakes() {
    }

    static boolean wrongOperator(MistakeSite site) {
        Token at = site.offending();
        Token next = site.next();
        boolean glued = next != null && at.getStopIndex() + 1 == next.getStartIndex();
        if (site.type() == OttlLexer.EQUAL && site.expected().contains(OttlLexer.EQ)) {
            if (glued && TokenSets.is(next, OttlLexer.LT, OttlLexer.GT)) {
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

    static boolean chainedComparison(MistakeSite site) {
        if (!TokenSets.COMPARE_OPS.contains(site.type()) || !comparisonBefore(site)) {
            return false;
        }
        site.error(SyntaxCode.CHAINED_COMPARISON, site.offending(), site.offending(), "comparisons cannot be chained",
                "combine two comparisons with `and`, e.g. `a < b and b < c`");
        return true;
    }

    /** Is there a comparison operator earlier in the same boolean term (same nesting level)? */
    private static boolean comparisonBefore(MistakeSite site) {
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
                    if (depth == 0 && TokenSets.COMPARE_OPS.contains(type)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean doubleNot(MistakeSite site) {
        if (site.type() != OttlLexer.NOT || !site.previousIs(OttlLexer.NOT)) {
            return false;
        }
        site.error(SyntaxCode.DOUBLE_NOT, site.previous(), site.offending(), "`not` can only be applied once",
                "drop both, or negate a parenthesised condition: `not (not x)`");
        return true;
    }

    static boolean unarySign(MistakeSite site) {
        if (!TokenSets.is(site.offending(), OttlLexer.PLUS, OttlLexer.MINUS)
                || !site.expected().contains(OttlLexer.INT)) {
            return false;
        }
        String sign = site.offending().getText();
        Token next = site.next();
        String suggestion = next != null && TokenSets.is(next, OttlLexer.INT, OttlLexer.FLOAT) && !NumberMistakes.hasSign(next)
                ? "write the sign directly before the number: `" + sign + next.getText() + "`"
                : "a sign only belongs to a number (`-1`); negate an expression with `-1 * x`";
        site.error(SyntaxCode.UNARY_SIGN, site.offending(), site.offending(),
                "OTTL has no unary `" + sign + "` operator", suggestion);
        return true;
    }
}
