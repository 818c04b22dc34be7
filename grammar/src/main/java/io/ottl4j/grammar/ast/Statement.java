package io.ottl4j.grammar.ast;

/**
 * {@code invocation [where condition]}: what the transform processor runs.
 *
 * @param invocation the editor call (the grammar guarantees its name starts with a lowercase letter)
 * @param where      the condition after {@code where}, or {@code null} when there is none
 */
public record Statement(Call invocation, BoolExpr where, SourceSpan span) implements Node {

    public Statement {
        Nodes.require(invocation, "invocation");
        Nodes.require(span, "span");
    }
}
