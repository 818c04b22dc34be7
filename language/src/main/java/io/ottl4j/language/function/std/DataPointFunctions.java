package io.ottl4j.language.function.std;

/** OTTL functions: DataPointFunctions (see docs/writing-functions.md). */
public final class DataPointFunctions {
    private DataPointFunctions() {
    }
}
