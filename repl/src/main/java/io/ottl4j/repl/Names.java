package io.ottl4j.repl;

import io.ottl4j.language.ContextKind;

/** How the REPL names the records of a context in prose. */
final class Names {
    private Names() {
    }

    static String plural(ContextKind kind, long n) {
        return n + " " + (n == 1 ? singular(kind) : plural(kind));
    }

    static String singular(ContextKind kind) {
        return switch (kind) {
            case RESOURCE -> "resource";
            case SCOPE -> "scope";
            case SPAN -> "span";
            case SPANEVENT -> "span event";
            case METRIC -> "metric";
            case DATAPOINT -> "data point";
            case EXEMPLAR -> "exemplar";
            case LOG -> "log record";
            case PROFILE -> "profile";
        };
    }

    static String plural(ContextKind kind) {
        return singular(kind) + "s";
    }
}
