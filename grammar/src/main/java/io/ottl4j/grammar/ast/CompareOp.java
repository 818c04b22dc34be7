package io.ottl4j.grammar.ast;

/** The six comparison operators. */
public enum CompareOp {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in OTTL. */
    public String symbol() {
        return symbol;
    }
}
