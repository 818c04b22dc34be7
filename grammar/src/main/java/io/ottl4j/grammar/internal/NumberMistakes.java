package io.ottl4j.grammar.internal;

import io.ottl4j.grammar.SyntaxCode;
import org.antlr.v4.runtime.Token;

/** Numbers glued to what follows them: `3-1`, `1e5`, `1.`. */
final class NumberMistakes {

    private NumberMistakes() {
    }

    static boolean gluedSignedNumber(MistakeSite site) {
        if (!TokenSets.is(site.offending(), OttlLexer.INT, OttlLexer.FLOAT) || !hasSign(site.offending())
                || !site.gluedToPrevious() || !TokenSets.OPERAND_ENDS.contains(site.previous().getType())) {
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

    static boolean malformedNumber(MistakeSite site) {
        Token previous = site.previous();
        Token at = site.offending();
        if (previous == null || !TokenSets.is(previous, OttlLexer.INT, OttlLexer.FLOAT, OttlLexer.BYTES)
                || !site.gluedToPrevious()
                || !TokenSets.is(at, OttlLexer.LOWERCASE, OttlLexer.UPPERCASE, OttlLexer.NIL, OttlLexer.WHERE,
                        OttlLexer.DOT, OttlLexer.FLOAT, OttlLexer.INT)) {
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

    static boolean hasSign(Token token) {
        char first = token.getText().charAt(0);
        return first == '-' || first == '+';
    }
}
