package io.ottl4j.grammar.ast;

/** A path used as a value; same span as the path. */
public record PathExpr(Path path, SourceSpan span) implements Value {

    public PathExpr {
        Nodes.require(path, "path");
        Nodes.require(span, "span");
    }
}
