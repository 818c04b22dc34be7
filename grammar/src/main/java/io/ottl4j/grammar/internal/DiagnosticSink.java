package io.ottl4j.grammar.internal;

import io.ottl4j.grammar.Diagnostic;
import io.ottl4j.grammar.SyntaxCode;
import io.ottl4j.grammar.ast.SourceSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the diagnostics of one parse. */
final class DiagnosticSink {

    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private boolean hasErrors;

    void error(SyntaxCode code, String message, SourceSpan span, String suggestion) {
        diagnostics.add(Diagnostic.error(code.code(), message, span, suggestion));
        hasErrors = true;
    }

    void warning(SyntaxCode code, String message, SourceSpan span, String suggestion) {
        diagnostics.add(Diagnostic.warning(code.code(), message, span, suggestion));
    }

    boolean hasErrors() {
        return hasErrors;
    }

    /** In source order; diagnostics at the same place keep the order they were found in. */
    List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(diagnostics);
        copy.sort(Comparator.comparingInt((Diagnostic d) -> d.span().start()));
        return copy;
    }
}
