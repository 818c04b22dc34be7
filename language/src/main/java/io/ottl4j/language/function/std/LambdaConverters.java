package io.ottl4j.language.function.std;

/** OTTL functions: LambdaConverters (see docs/writing-functions.md). */
public final class LambdaConverters {
    private LambdaConverters() {
    }
}
