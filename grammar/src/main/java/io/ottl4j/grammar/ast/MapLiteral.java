package io.ottl4j.grammar.ast;

import java.util.List;

/** {@code {"k": v, ...}}; entries in source order (duplicate keys are kept; the last one wins at run time). */
public record MapLiteral(List<MapEntry> entries, SourceSpan span) implements Value {

    public MapLiteral {
        entries = Nodes.list(entries, "entries");
        Nodes.require(span, "span");
    }
}
