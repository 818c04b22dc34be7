package io.ottl4j.grammar.ast;

/** A float64 literal ({@code 1.5}, {@code .5}, {@code -2.5e3}). */
public record FloatLiteral(double value, SourceSpan span) implements Value {

    public FloatLiteral {
        Nodes.require(span, "span");
    }
}
