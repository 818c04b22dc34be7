package io.ottl4j.language;

import java.util.Locale;

/** What a statement or condition sequence does with a runtime error (upstream {@code error_mode}). */
public enum ErrorMode {
    /** Stop and return the error to the caller. */
    PROPAGATE,
    /** Log the error and continue with the next statement or condition. */
    IGNORE,
    /** Continue with the next statement or condition without logging. */
    SILENT;

    /** Parses a config value, case-insensitively as upstream does. */
    public static ErrorMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown error mode '" + text + "': use propagate, ignore or silent");
        }
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
