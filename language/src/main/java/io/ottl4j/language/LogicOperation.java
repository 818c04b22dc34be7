package io.ottl4j.language;

import java.util.Locale;

/** How a condition sequence combines its conditions: {@code or} (the filter processor's default) or {@code and}. */
public enum LogicOperation {
    OR, AND;

    public static LogicOperation parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown logic operation '" + text + "': use or, and");
        }
    }
}
