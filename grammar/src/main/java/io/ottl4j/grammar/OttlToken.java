package io.ottl4j.grammar;

import io.ottl4j.grammar.ast.SourceSpan;

/**
 * One token of OTTL source, classified like upstream's lexer (for highlighting and tests).
 *
 * @param text the token exactly as written (strings still quoted)
 */
public record OttlToken(Kind kind, String text, SourceSpan span) {

    /** Upstream's token classes, plus the post-baseline lambda tokens and an error class. */
    public enum Kind {
        BYTES("Bytes"), FLOAT("Float"), INT("Int"), STRING("String"),
        OP_NOT("OpNot"), OP_OR("OpOr"), OP_AND("OpAnd"), OP_COMPARISON("OpComparison"),
        OP_ADD_SUB("OpAddSub"), OP_MULT_DIV("OpMultDiv"), BOOLEAN("Boolean"), EQUAL("Equal"),
        LPAREN("LParen"), RPAREN("RParen"), LBRACE("LBrace"), RBRACE("RBrace"), COLON("Colon"),
        PUNCT("Punct"), UPPERCASE("Uppercase"), LOWERCASE("Lowercase"),
        /** {@code =>}; upstream's baseline lexer has no such token (it reads Equal, OpComparison). */
        ARROW("Arrow"),
        /** {@code _}, an ignored lambda parameter; a lexer error upstream at baseline. */
        UNDERSCORE("Underscore"),
        /** Text no rule matches: an unexpected character or an unterminated/single-quoted string. */
        ERROR("Error");

        private final String upstreamName;

        Kind(String upstreamName) {
            this.upstreamName = upstreamName;
        }

        /** The token's name in upstream's lexer ({@code grammar.go}). */
        public String upstreamName() {
            return upstreamName;
        }
    }
}
