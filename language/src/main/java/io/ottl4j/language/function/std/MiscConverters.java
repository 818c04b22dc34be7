package io.ottl4j.language.function.std;

/** OTTL functions: MiscConverters (see docs/writing-functions.md). */
public final class MiscConverters {
    private MiscConverters() {
    }
}
