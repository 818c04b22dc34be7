package io.ottl4j.grammar.internal;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * The generated lexer plus the one rule ANTLR cannot express: upstream lexes {@code notX} as
 * Lowercase(not) Uppercase(X) because its keyword pattern {@code \bnot\b} needs a word boundary after
 * the keyword. The grammar matches such text as one KEYWORD_CASE_JOIN token; this class hands it to
 * the parser as the two tokens upstream produces.
 */
public final class CaseSplittingLexer extends OttlLexer {

    private Token pending;

    public CaseSplittingLexer(CharStream input) {
        super(input);
        removeErrorListeners();
    }

    @Override
    public Token nextToken() {
        if (pending != null) {
            Token next = pending;
            pending = null;
            return next;
        }
        Token token = super.nextToken();
        if (token.getType() != KEYWORD_CASE_JOIN) {
            return token;
        }
        String text = token.getText();
        int cut = 0;
        while (!Character.isUpperCase(text.charAt(cut))) {
            cut++;
        }
        // the keyword part is ASCII, so code point and char positions agree
        int start = token.getStartIndex();
        pending = piece(token, UPPERCASE, start + cut, token.getStopIndex(), cut);
        return piece(token, LOWERCASE, start, start + cut - 1, 0);
    }

    private Token piece(Token whole, int type, int start, int stop, int columnShift) {
        CommonToken piece = new CommonToken(_tokenFactorySourcePair, type, Token.DEFAULT_CHANNEL, start, stop);
        piece.setLine(whole.getLine());
        piece.setCharPositionInLine(whole.getCharPositionInLine() + columnShift);
        return piece;
    }
}
