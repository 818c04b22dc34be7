package io.ottl4j.grammar;

import io.ottl4j.grammar.ast.SourceSpan;
import java.util.Objects;

/**
 * One problem found in OTTL source.
 *
 * @param code       stable code such as {@code OTTL-E005} (see {@code docs/diagnostics.md})
 * @param severity   errors reject the input; warnings do not
 * @param message    what is wrong, in OTTL terms
 * @param span       where
 * @param suggestion how to fix it, or {@code null}
 */
public record Diagnostic(String code, Severity severity, String message, SourceSpan span, String suggestion) {

    /** Errors reject the input; warnings do not. */
    public enum Severity {
        ERROR, WARNING;

        /** {@code error} or {@code warning}, as printed. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(span, "span");
    }

    public static Diagnostic error(String code, String message, SourceSpan span, String suggestion) {
        return new Diagnostic(code, Severity.ERROR, message, span, suggestion);
    }

    public static Diagnostic error(String code, String message, SourceSpan span) {
        return error(code, message, span, null);
    }

    public static Diagnostic warning(String code, String message, SourceSpan span, String suggestion) {
        return new Diagnostic(code, Severity.WARNING, message, span, suggestion);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The first line of {@link #format(String)}: {@code error[OTTL-E005] 1:14: message}. */
    public String header() {
        return severity.label() + "[" + code + "] " + span.line() + ":" + span.column() + ": " + message;
    }

    /**
     * Renders the diagnostic for a terminal: the header, the source line with a caret line under the
     * span (to the end of the line when the span continues on later lines), and {@code help:} when
     * there is a suggestion. {@code sourceText} must be the text the span refers to.
     */
    public String format(String sourceText) {
        return DiagnosticFormatter.format(this, sourceText);
    }
}
