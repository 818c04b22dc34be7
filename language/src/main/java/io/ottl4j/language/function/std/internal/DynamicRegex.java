package io.ottl4j.language.function.std.internal;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.std.GoRegex;

/**
 * A regex argument that upstream takes as a string getter: a string literal is compiled once when the
 * statement is compiled (a bad one is a compile error, as upstream's parse-time error), any other
 * expression is compiled each time it yields a new string (a bad one is a runtime error).
 */
public final class DynamicRegex extends Node {
    @Child private StringGetter getter;
    private final Pattern literal;
    private final String function;
    /** The last runtime-compiled pattern, one immutable pair so that threads never mix halves. */
    private Cached last;

    private record Cached(String source, Pattern compiled) {
    }

    public DynamicRegex(String function, String parameter, StringGetter getter) {
        this.function = function;
        this.getter = getter;
        String text = Literals.string(getter);
        if (text != null) {
            try {
                this.literal = GoRegex.compile(text);
            } catch (PatternSyntaxException e) {
                throw new OttlArgumentException(parameter, message(function, text, e));
            }
        } else {
            this.literal = null;
        }
    }

    public Pattern get(VirtualFrame frame) {
        if (literal != null) {
            return literal;
        }
        return compile(getter.get(frame));
    }

    @TruffleBoundary
    private Pattern compile(String source) {
        Cached c = last;
        if (c != null && c.source().equals(source)) {
            return c.compiled();
        }
        try {
            Pattern p = GoRegex.compile(source);
            last = new Cached(source, p);
            return p;
        } catch (PatternSyntaxException e) {
            throw new OttlRuntimeException(message(function, source, e), this);
        }
    }

    private static String message(String function, String source, PatternSyntaxException e) {
        return "the regex pattern supplied to " + function + " \"" + source + "\" is not a valid pattern: " + e.getMessage();
    }
}
