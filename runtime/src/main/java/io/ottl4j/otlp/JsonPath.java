package io.ottl4j.otlp;

import java.util.Arrays;

/**
 * The position of the JSON decoder, kept as a stack of field names and array indices so that building
 * it costs nothing until an error needs the text ({@code resourceSpans[0].scopeSpans[1].spans[2].name}).
 */
final class JsonPath {
    private static final int OBJECT = -1;

    private String[] names = new String[16];
    private int[] indices = new int[16];
    private int depth;

    /** Entering an object: a field segment whose name {@link #field} sets. */
    void enterObject() {
        push(OBJECT);
    }

    void field(String name) {
        names[depth - 1] = name;
    }

    /** Entering an array: an index segment that {@link #nextIndex} advances from -1. */
    void enterArray() {
        push(-2);
    }

    void nextIndex() {
        indices[depth - 1] = indices[depth - 1] == -2 ? 0 : indices[depth - 1] + 1;
    }

    void exit() {
        depth--;
        names[depth] = null;
    }

    private void push(int index) {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            indices = Arrays.copyOf(indices, depth * 2);
        }
        indices[depth] = index;
        names[depth] = null;
        depth++;
    }

    private static final int MAX_SHOWN = 400;

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (indices[i] == OBJECT) {
                if (names[i] != null) {
                    if (!sb.isEmpty()) {
                        sb.append('.');
                    }
                    sb.append(names[i]);
                }
            } else if (indices[i] >= 0) {
                sb.append('[').append(indices[i]).append(']');
            }
        }
        if (sb.length() > MAX_SHOWN) { // a value nested thousands deep: keep the message readable
            int cut = sb.length() - MAX_SHOWN / 2;
            return sb.substring(0, MAX_SHOWN / 2) + "…(" + depth + " levels)…" + sb.substring(cut);
        }
        return sb.toString();
    }
}
