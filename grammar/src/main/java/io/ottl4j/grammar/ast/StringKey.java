package io.ottl4j.grammar.ast;

/** {@code ["name"]}; the value is unquoted. The span includes the brackets. */
public record StringKey(String value, SourceSpan span) implements Key {

    public StringKey {
        Nodes.require(value, "value");
        Nodes.require(span, "span");
    }
}
