package io.ottl4j.language.function.std;

/** OTTL functions: EncodingConverters (see docs/writing-functions.md). */
public final class EncodingConverters {
    private EncodingConverters() {
    }
}
