package io.ottl4j.grammar.ast;

/**
 * A bare all-caps name such as {@code SPAN_KIND_SERVER}. The binder resolves it against the context's
 * enum table, or, for a function-typed parameter, against the function table ({@code SHA256}).
 */
public record EnumSymbol(String name, SourceSpan span) implements Value {

    public EnumSymbol {
        Nodes.require(name, "name");
        Nodes.require(span, "span");
    }
}
