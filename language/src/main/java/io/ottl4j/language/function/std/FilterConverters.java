package io.ottl4j.language.function.std;

/** OTTL functions: FilterConverters (see docs/writing-functions.md). */
public final class FilterConverters {
    private FilterConverters() {
    }
}
