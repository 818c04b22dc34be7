package io.ottl4j.language.function.std;

/** OTTL functions: MetricFunctions (see docs/writing-functions.md). */
public final class MetricFunctions {
    private MetricFunctions() {
    }
}
