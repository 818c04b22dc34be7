package io.ottl4j.grammar.ast;

/**
 * A bare mixed-case converter name used as an argument ({@code replace_pattern(x, "a", "b", Sha256)}).
 * Only ever appears as an {@link Argument} value. An all-caps bare name ({@code SHA256}) is an
 * {@link EnumSymbol} instead; the binder treats both as function names for function-typed parameters.
 */
public record FunctionRef(String name, SourceSpan span) implements Value {

    public FunctionRef {
        Nodes.require(name, "name");
        Nodes.require(span, "span");
    }
}
