package io.ottl4j.language.function.std.internal;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.std.Glob;

/**
 * A glob argument that upstream takes as a string getter: a string literal is compiled when the statement
 * is compiled (a bad one is a compile error), any other expression at run time (a bad one is a runtime error).
 */
public final class DynamicGlob extends Node {
    @Child private StringGetter getter;
    private final Glob literal;
    private final String function;
    /** The last runtime-compiled pattern, one immutable pair so that threads never mix halves. */
    private Cached last;

    private record Cached(String source, Glob compiled) {
    }

    public DynamicGlob(String function, String parameter, StringGetter getter) {
        this.function = function;
        this.getter = getter;
        String text = Literals.string(getter);
        if (text != null) {
            try {
                this.literal = Glob.compile(text);
            } catch (Glob.GlobSyntaxException e) {
                throw new OttlArgumentException(parameter, message(function, text, e));
            }
        } else {
            this.literal = null;
        }
    }

    public Glob get(VirtualFrame frame) {
        if (literal != null) {
            return literal;
        }
        return compile(getter.get(frame));
    }

    @TruffleBoundary
    private Glob compile(String source) {
        Cached c = last;
        if (c != null && c.source().equals(source)) {
            return c.compiled();
        }
        try {
            Glob g = Glob.compile(source);
            last = new Cached(source, g);
            return g;
        } catch (Glob.GlobSyntaxException e) {
            throw new OttlRuntimeException(message(function, source, e), this);
        }
    }

    private static String message(String function, String source, Glob.GlobSyntaxException e) {
        return "the pattern supplied to " + function + " \"" + source + "\" is not a valid pattern: " + e.getMessage();
    }
}
