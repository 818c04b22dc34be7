package io.ottl4j.language.function.std;

/** OTTL functions: StringConverters (see docs/writing-functions.md). */
public final class StringConverters {
    private StringConverters() {
    }
}
