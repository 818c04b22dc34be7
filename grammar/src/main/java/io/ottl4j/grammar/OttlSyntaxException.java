package io.ottl4j.grammar;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link ParseResult#orElseThrow()}: the text does not parse. */
public final class OttlSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public OttlSyntaxException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::header).collect(Collectors.joining("; ")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
