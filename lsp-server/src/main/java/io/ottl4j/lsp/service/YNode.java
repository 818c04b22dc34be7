package io.ottl4j.lsp.service;

import java.util.List;

/** A YAML node with the char offsets of its source text: what features walk to find keys, scalars and IDs. */
public sealed interface YNode {
    int start();

    int end();

    /** A scalar: {@code value} as YAML resolved it, {@code style} as written. */
    record Scalar(String value, Style style, int start, int end) implements YNode {
    }

    /** A mapping; keys are scalars (complex keys are skipped). */
    record MapNode(List<Entry> entries, int start, int end) implements YNode {
        public YNode get(String key) {
            for (Entry e : entries) {
                if (e.key().value().equals(key)) {
                    return e.value();
                }
            }
            return null;
        }

        public Entry entry(String key) {
            for (Entry e : entries) {
                if (e.key().value().equals(key)) {
                    return e;
                }
            }
            return null;
        }
    }

    record Entry(Scalar key, YNode value) {
    }

    record Seq(List<YNode> items, int start, int end) implements YNode {
    }

    /** How a scalar is written. */
    enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED }
}
