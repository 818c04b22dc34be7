package io.ottl4j.grammar.internal;

import io.ottl4j.grammar.OttlToken;
import io.ottl4j.grammar.OttlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/** Maps the lexer's token types to upstream's token classes. */
public final class TokenKinds {

    private TokenKinds() {
    }

    public static List<OttlToken> tokenize(String text) {
        SourceText source = new SourceText(text);
        CaseSplittingLexer lexer = new CaseSplittingLexer(CharStreams.fromString(text));
        List<OttlToken> tokens = new ArrayList<>();
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            tokens.add(new OttlToken(kind(token.getType()), token.getText(), source.span(token)));
        }
        return tokens;
    }

    static Kind kind(int type) {
        return switch (type) {
            case OttlLexer.BYTES -> Kind.BYTES;
            case OttlLexer.FLOAT -> Kind.FLOAT;
            case OttlLexer.INT -> Kind.INT;
            case OttlLexer.STRING -> Kind.STRING;
            case OttlLexer.NOT -> Kind.OP_NOT;
            case OttlLexer.OR -> Kind.OP_OR;
            case OttlLexer.AND -> Kind.OP_AND;
            case OttlLexer.EQ, OttlLexer.NE, OttlLexer.GE, OttlLexer.LE, OttlLexer.GT, OttlLexer.LT ->
                    Kind.OP_COMPARISON;
            case OttlLexer.PLUS, OttlLexer.MINUS -> Kind.OP_ADD_SUB;
            case OttlLexer.STAR, OttlLexer.SLASH -> Kind.OP_MULT_DIV;
            case OttlLexer.BOOLEAN -> Kind.BOOLEAN;
            case OttlLexer.EQUAL -> Kind.EQUAL;
            case OttlLexer.LPAREN -> Kind.LPAREN;
            case OttlLexer.RPAREN -> Kind.RPAREN;
            case OttlLexer.LBRACE -> Kind.LBRACE;
            case OttlLexer.RBRACE -> Kind.RBRACE;
            case OttlLexer.COLON -> Kind.COLON;
            case OttlLexer.COMMA, OttlLexer.DOT, OttlLexer.LBRACK, OttlLexer.RBRACK -> Kind.PUNCT;
            case OttlLexer.UPPERCASE -> Kind.UPPERCASE;
            // upstream has no nil/where tokens: they are ordinary lowercase words
            case OttlLexer.LOWERCASE, OttlLexer.NIL, OttlLexer.WHERE -> Kind.LOWERCASE;
            case OttlLexer.ARROW -> Kind.ARROW;
            case OttlLexer.UNDERSCORE -> Kind.UNDERSCORE;
            default -> Kind.ERROR;
        };
    }
}
