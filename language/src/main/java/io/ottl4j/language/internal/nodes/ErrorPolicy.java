package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.OttlRuntimeException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** What a sequence does with a runtime error, per {@link ErrorMode}. */
final class ErrorPolicy {
    private static final Logger LOG = System.getLogger("io.ottl4j.language");

    private ErrorPolicy() {
    }

    /** A host fault (not an OTTL error) raised while running on a record, as an OTTL runtime error. */
    @TruffleBoundary
    static OttlRuntimeException fault(Throwable e, com.oracle.truffle.api.nodes.Node location) {
        String why = e instanceof StackOverflowError ? "value nested too deeply (stack overflow)"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new OttlRuntimeException(why, location);
    }

    /** Rethrows under propagate (naming the failed statement), logs under ignore, swallows under silent. */
    @TruffleBoundary
    static void handle(ErrorMode mode, String kind, String text, OttlRuntimeException e) {
        switch (mode) {
            case PROPAGATE -> throw new OttlRuntimeException("failed to execute " + kind + ": " + text + ", " + e.getMessage(),
                    e.getLocation(), e.isTypeError());
            case IGNORE -> LOG.log(Level.WARNING, "failed to execute {0}: {1}, {2}", kind, text, e.getMessage());
            case SILENT -> { }
        }
    }
}
