package io.ottl4j.grammar;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of parsing: the tree when the text has no errors, and every diagnostic found (errors
 * and warnings, in source order).
 *
 * @param tree        the syntax tree, or {@code null} when there is any error
 * @param diagnostics every problem found, errors and warnings, sorted by position
 */
public record ParseResult<T>(T tree, List<Diagnostic> diagnostics) {

    public ParseResult {
        diagnostics = List.copyOf(Objects.requireNonNull(diagnostics, "diagnostics"));
        if ((tree == null) == diagnostics.stream().noneMatch(Diagnostic::isError)) {
            throw new IllegalArgumentException("a tree exactly when there is no error");
        }
    }

    /** True when there is no error (warnings allowed); then {@link #tree()} is not null. */
    public boolean ok() {
        return tree != null;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    /** The tree, or an {@link OttlSyntaxException} carrying the diagnostics. */
    public T orElseThrow() {
        if (tree == null) {
            throw new OttlSyntaxException(diagnostics);
        }
        return tree;
    }

    /** Every diagnostic rendered with {@link Diagnostic#format(String)}, separated by blank lines. */
    public String format(String sourceText) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            out.append(d.format(sourceText));
        }
        return out.toString();
    }
}
