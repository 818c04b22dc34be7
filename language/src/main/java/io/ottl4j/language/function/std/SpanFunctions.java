package io.ottl4j.language.function.std;

/** OTTL functions: SpanFunctions (see docs/writing-functions.md). */
public final class SpanFunctions {
    private SpanFunctions() {
    }
}
