package io.ottl4j.grammar.ast;

/** The four arithmetic operators. */
public enum MathOp {
    ADD('+'), SUB('-'), MUL('*'), DIV('/');

    private final char symbol;

    MathOp(char symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in OTTL. */
    public char symbol() {
        return symbol;
    }
}
