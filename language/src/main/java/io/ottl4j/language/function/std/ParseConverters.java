package io.ottl4j.language.function.std;

/** OTTL functions: ParseConverters (see docs/writing-functions.md). */
public final class ParseConverters {
    private ParseConverters() {
    }
}
