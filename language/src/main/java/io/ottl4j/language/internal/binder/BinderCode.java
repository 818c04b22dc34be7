package io.ottl4j.language.internal.binder;

import io.ottl4j.grammar.Diagnostic;
import io.ottl4j.grammar.ast.SourceSpan;

/**
 * The binder's diagnostic codes (OTTL-E1xx). Stable: users search for them, and docs/diagnostics.md
 * documents each one.
 */
public enum BinderCode {
    UNKNOWN_PATH("OTTL-E100"),
    EXTRA_PATH_SECTION("OTTL-E101"),
    UNUSED_KEYS("OTTL-E102"),
    FOREIGN_CACHE("OTTL-E103"),
    UNKNOWN_FUNCTION("OTTL-E104"),
    WRONG_FUNCTION_KIND("OTTL-E105"),
    FUNCTION_NOT_IN_CONTEXT("OTTL-E106"),
    FEATURE_GATE_REQUIRED("OTTL-E107"),
    ARGUMENT_COUNT("OTTL-E108"),
    UNKNOWN_PARAMETER("OTTL-E109"),
    DUPLICATE_ARGUMENT("OTTL-E110"),
    ARGUMENT_FORM("OTTL-E111"),
    INVALID_ARGUMENT("OTTL-E112"),
    UNKNOWN_ENUM("OTTL-E113"),
    MISPLACED_FUNCTION_REF("OTTL-E114"),
    MISPLACED_LAMBDA("OTTL-E115"),
    BAD_FUNCTION_REF("OTTL-E116"),
    MISSING_CONTEXT_PREFIX("OTTL-E117"),
    BAD_KEY("OTTL-E118");

    private final String code;

    BinderCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    Diagnostic diagnostic(SourceSpan span, String message, String suggestion) {
        return new Diagnostic(code, Diagnostic.Severity.ERROR, message, span, suggestion);
    }
}
