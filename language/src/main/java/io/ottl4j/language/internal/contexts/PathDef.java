package io.ottl4j.language.internal.contexts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One path of a context's path table: its accessor, whether it takes keys, and its sub-paths
 * ({@code trace_id.string}, {@code status.code}). Also the catalog entry the REPL and LSP complete from.
 */
public final class PathDef {
    /** What keys a path accepts. */
    public enum KeyMode {
        /** No keys. */
        NONE,
        /** A pdata map (attributes, cache): string keys, then map/slice descent. */
        MAP,
        /** An any-value (log body): string keys on a map value, int keys on a slice value. */
        VALUE,
        /** The W3C trace state: exactly one string key naming a member. */
        TRACE_STATE
    }

    private final String name;
    private final String type;
    private final String doc;
    private final Accessor accessor;
    private final KeyMode keyMode;
    private final Map<String, PathDef> children = new LinkedHashMap<>();
    /** Why the path cannot be written, or null when it can. */
    private String readOnly;

    PathDef(String name, String type, String doc, Accessor accessor, KeyMode keyMode) {
        this.name = name;
        this.type = type;
        this.doc = doc;
        this.accessor = accessor;
        this.keyMode = keyMode;
    }

    /**
     * Makes the path read-only: every write, with or without keys, fails with {@code message}. The accessor's own
     * setter is replaced, so a table entry needs none.
     */
    PathDef readOnly(String message) {
        this.readOnly = message;
        return this;
    }

    /** Why the path cannot be written (the error of every write), or null when it can. */
    public String readOnlyMessage() {
        return readOnly;
    }

    PathDef child(PathDef child) {
        children.put(child.name, child);
        return this;
    }

    public String name() {
        return name;
    }

    /** The value type, for docs and completion ("string", "int", "map", "time", ...). */
    public String type() {
        return type;
    }

    public String doc() {
        return doc;
    }

    public Accessor accessor() {
        if (readOnly == null) {
            return accessor;
        }
        String message = readOnly;
        return Accessor.of(accessor::get, (c, v, n) -> {
            throw new io.ottl4j.language.OttlRuntimeException(message, n);
        });
    }

    public KeyMode keyMode() {
        return keyMode;
    }

    public Map<String, PathDef> children() {
        return Collections.unmodifiableMap(children);
    }
}
