package io.ottl4j.grammar.ast;

import java.util.List;
import java.util.Objects;

/** Argument checks shared by the records. */
final class Nodes {

    private Nodes() {
    }

    static <T> T require(T value, String name) {
        return Objects.requireNonNull(value, name);
    }

    static <T> List<T> list(List<T> values, String name) {
        return List.copyOf(Objects.requireNonNull(values, name));
    }

    static <T> List<T> atLeastTwo(List<T> values, String name) {
        List<T> copy = list(values, name);
        if (copy.size() < 2) {
            throw new IllegalArgumentException(name + " needs at least two elements, got " + copy.size());
        }
        return copy;
    }
}
