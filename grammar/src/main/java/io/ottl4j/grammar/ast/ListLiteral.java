package io.ottl4j.grammar.ast;

import java.util.List;

/** {@code [a, b, ...]}. */
public record ListLiteral(List<Value> elements, SourceSpan span) implements Value {

    public ListLiteral {
        elements = Nodes.list(elements, "elements");
        Nodes.require(span, "span");
    }
}
