package io.ottl4j.language.function.std;

/** OTTL functions: WebConverters (see docs/writing-functions.md). */
public final class WebConverters {
    private WebConverters() {
    }
}
