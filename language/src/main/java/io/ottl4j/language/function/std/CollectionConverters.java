package io.ottl4j.language.function.std;

/** OTTL functions: CollectionConverters (see docs/writing-functions.md). */
public final class CollectionConverters {
    private CollectionConverters() {
    }
}
