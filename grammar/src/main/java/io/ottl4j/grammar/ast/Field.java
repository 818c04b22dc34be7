package io.ottl4j.grammar.ast;

import java.util.List;

/** One path segment: a lowercase name and the keys that index it ({@code attributes["a"][0]}). */
public record Field(String name, List<Key> keys, SourceSpan span) implements Node {

    public Field {
        Nodes.require(name, "name");
        keys = Nodes.list(keys, "keys");
        Nodes.require(span, "span");
    }
}
