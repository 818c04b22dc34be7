package io.ottl4j.language.function.std.internal;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.std.Glob;

/**
 * A glob argument that upstream takes as a string getter: a string literal is compiled when the statement
 * is compiled (a bad one is a compile error), any other expression at run time (a bad one is a runtime error).
 */
public final class DynamicGlob extends Node {
    @Child private DynamicCompiled<Glob> compiled;

    public DynamicGlob(String function, String parameter, StringGetter getter) {
        this.compiled = new DynamicCompiled<>(parameter, getter, source -> compile(function, source));
    }

    public Glob get(VirtualFrame frame) {
        return compiled.get(frame);
    }

    private static Glob compile(String function, String source) {
        try {
            return Glob.compile(source);
        } catch (Glob.GlobSyntaxException e) {
            throw new IllegalArgumentException("the pattern supplied to " + function + " \"" + source + "\" is not a valid pattern: "
                    + e.getMessage(), e);
        }
    }
}
