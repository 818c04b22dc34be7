package io.ottl4j.language.function.std;

/** OTTL functions: IdConverters (see docs/writing-functions.md). */
public final class IdConverters {
    private IdConverters() {
    }
}
