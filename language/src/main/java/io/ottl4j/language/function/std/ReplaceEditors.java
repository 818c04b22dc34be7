package io.ottl4j.language.function.std;

/** OTTL functions: ReplaceEditors (see docs/writing-functions.md). */
public final class ReplaceEditors {
    private ReplaceEditors() {
    }
}
