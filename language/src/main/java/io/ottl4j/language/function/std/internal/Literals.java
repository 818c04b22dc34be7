package io.ottl4j.language.function.std.internal;

import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.internal.nodes.LiteralNode;

/** Recognises arguments written as literals, which upstream validates at parse time (its GetLiteralValue). */
public final class Literals {
    private Literals() {
    }

    /** The string if the argument is a string literal, else null. */
    public static String string(StringGetter getter) {
        return getter.expr() instanceof LiteralNode l && l.value() instanceof String s ? s : null;
    }
}
