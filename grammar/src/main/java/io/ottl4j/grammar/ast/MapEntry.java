package io.ottl4j.grammar.ast;

/** One {@code "key": value} of a map literal; {@code key} is unquoted. */
public record MapEntry(String key, Value value, SourceSpan span) implements Node {

    public MapEntry {
        Nodes.require(key, "key");
        Nodes.require(value, "value");
        Nodes.require(span, "span");
    }
}
