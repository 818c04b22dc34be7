package io.ottl4j.language.function.std;

/** OTTL functions: HashConverters (see docs/writing-functions.md). */
public final class HashConverters {
    private HashConverters() {
    }
}
