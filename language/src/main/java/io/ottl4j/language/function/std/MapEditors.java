package io.ottl4j.language.function.std;

/** OTTL functions: MapEditors (see docs/writing-functions.md). */
public final class MapEditors {
    private MapEditors() {
    }
}
