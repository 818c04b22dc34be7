package io.ottl4j.language.function.std.internal;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.StringGetter;
import java.util.function.Function;

/**
 * A string argument upstream takes as a getter but that the function compiles (a grok or regex pattern):
 * a string literal is compiled once with the statement (a bad one is a compile error at that parameter),
 * any other expression whenever it yields a new string (a bad one is a runtime error). The compiler throws
 * {@link IllegalArgumentException} with the message to report.
 */
public final class DynamicCompiled<T> extends Node {
    @Child private StringGetter getter;
    private final Function<String, T> compiler;
    private final T literal;
    /** The last runtime-compiled value, one immutable pair so that threads never mix halves. */
    private Cached<T> last;

    private record Cached<T>(String source, T compiled) {
    }

    public DynamicCompiled(String parameter, StringGetter getter, Function<String, T> compiler) {
        this.getter = getter;
        this.compiler = compiler;
        String text = Literals.string(getter);
        if (text != null) {
            try {
                this.literal = compiler.apply(text);
            } catch (IllegalArgumentException e) {
                throw new OttlArgumentException(parameter, e.getMessage());
            }
        } else {
            this.literal = null;
        }
    }

    public T get(VirtualFrame frame) {
        if (literal != null) {
            return literal;
        }
        return compile(getter.get(frame));
    }

    @TruffleBoundary
    private T compile(String source) {
        Cached<T> c = last;
        if (c != null && c.source().equals(source)) {
            return c.compiled();
        }
        try {
            T t = compiler.apply(source);
            last = new Cached<>(source, t);
            return t;
        } catch (IllegalArgumentException e) {
            throw new OttlRuntimeException(e.getMessage(), this);
        }
    }
}
