package io.ottl4j.language.function.std.internal;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.std.GoRegex;

/**
 * A regex argument that upstream takes as a string getter: a string literal is compiled once when the
 * statement is compiled (a bad one is a compile error, as upstream's parse-time error), any other
 * expression is compiled each time it yields a new string (a bad one is a runtime error).
 */
public final class DynamicRegex extends Node {
    @Child private DynamicCompiled<Pattern> compiled;

    public DynamicRegex(String function, String parameter, StringGetter getter) {
        this.compiled = new DynamicCompiled<>(parameter, getter, source -> compile(function, source));
    }

    public Pattern get(VirtualFrame frame) {
        return compiled.get(frame);
    }

    private static Pattern compile(String function, String source) {
        try {
            return GoRegex.compile(source);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the regex pattern supplied to " + function + " \"" + source
                    + "\" is not a valid pattern: " + e.getMessage(), e);
        }
    }
}
