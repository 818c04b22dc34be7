package io.ottl4j.language.function.std;

/** OTTL functions: TypeConverters (see docs/writing-functions.md). */
public final class TypeConverters {
    private TypeConverters() {
    }
}
