package io.ottl4j.grammar.ast;

/**
 * One argument of a call, positional ({@code name == null}) or named ({@code name = value}). The name
 * is as written ({@code resolve_conflicts} or {@code resolveConflicts}); the grammar guarantees named
 * arguments come after all positional ones and are not repeated.
 *
 * @param nameSpan where the name is written, or {@code null} for a positional argument
 * @param span     the whole argument, including {@code name =}
 */
public record Argument(String name, SourceSpan nameSpan, Value value, SourceSpan span) implements Node {

    public Argument {
        if ((name == null) != (nameSpan == null)) {
            throw new IllegalArgumentException("name and nameSpan go together");
        }
        Nodes.require(value, "value");
        Nodes.require(span, "span");
    }

    public boolean isNamed() {
        return name != null;
    }
}
