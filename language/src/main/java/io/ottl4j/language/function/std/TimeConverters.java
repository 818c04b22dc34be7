package io.ottl4j.language.function.std;

/** OTTL functions: TimeConverters (see docs/writing-functions.md). */
public final class TimeConverters {
    private TimeConverters() {
    }
}
