package io.ottl4j.language.function.std;

/** OTTL functions: PatternConverters (see docs/writing-functions.md). */
public final class PatternConverters {
    private PatternConverters() {
    }
}
