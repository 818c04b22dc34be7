package io.ottl4j.grammar.internal;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Token classes used to recognise mistakes and to describe what was expected. All read-only. */
final class TokenSets {

    static final IntervalSet COMPARE_OPS = set(OttlLexer.EQ, OttlLexer.NE, OttlLexer.GE, OttlLexer.LE, OttlLexer.GT,
            OttlLexer.LT);
    static final IntervalSet MATH_OPS = set(OttlLexer.PLUS, OttlLexer.MINUS, OttlLexer.STAR, OttlLexer.SLASH);
    /** Tokens a name is made of (upstream: Uppercase and Lowercase; `nil` and `where` are lowercase words). */
    static final IntervalSet NAME_TOKENS = set(OttlLexer.UPPERCASE, OttlLexer.LOWERCASE, OttlLexer.NIL,
            OttlLexer.WHERE);
    /** Tokens a value may start with. */
    static final IntervalSet VALUE_START = set(OttlLexer.STRING, OttlLexer.INT, OttlLexer.FLOAT, OttlLexer.BYTES,
            OttlLexer.BOOLEAN, OttlLexer.NIL, OttlLexer.WHERE, OttlLexer.LOWERCASE, OttlLexer.UPPERCASE,
            OttlLexer.LBRACK, OttlLexer.LBRACE, OttlLexer.LPAREN);
    /** Tokens an arithmetic operand may start with. */
    static final IntervalSet OPERAND_START = set(OttlLexer.INT, OttlLexer.FLOAT, OttlLexer.LOWERCASE,
            OttlLexer.UPPERCASE, OttlLexer.LPAREN);
    /** Tokens that can end an operand, so that a sign right after them reads as a new number. */
    static final IntervalSet OPERAND_ENDS = set(OttlLexer.INT, OttlLexer.FLOAT, OttlLexer.BYTES, OttlLexer.STRING,
            OttlLexer.BOOLEAN, OttlLexer.NIL, OttlLexer.WHERE, OttlLexer.LOWERCASE, OttlLexer.UPPERCASE,
            OttlLexer.RPAREN, OttlLexer.RBRACK, OttlLexer.RBRACE);
    static final IntervalSet KEYWORDS = set(OttlLexer.AND, OttlLexer.OR, OttlLexer.NOT, OttlLexer.BOOLEAN);
    static final IntervalSet LPAREN = set(OttlLexer.LPAREN);

    private TokenSets() {
    }

    static boolean is(Token token, int... types) {
        for (int type : types) {
            if (token.getType() == type) {
                return true;
            }
        }
        return false;
    }

    private static IntervalSet set(int... types) {
        IntervalSet set = new IntervalSet(types);
        set.setReadonly(true);
        return set;
    }
}
