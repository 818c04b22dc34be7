package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.LambdaGetter;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.Values;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import java.util.List;
import java.util.Map;

/**
 * Shared pieces of the lambda converters: the source value (a map or a slice, as upstream's
 * {@code GetSliceOrMapValue}), element access behind boundaries (the loops themselves stay in the
 * executed node because calling a lambda needs the frame), and the checks of lambda results.
 */
final class LambdaSupport {
    private LambdaSupport() {
    }

    /** Parse-time check: upstream rejects a lambda with any other number of formals. */
    static LambdaGetter arity(LambdaGetter lambda, String param, int expected) {
        if (lambda != null && lambda.arity() != expected) {
            throw new OttlArgumentException(param, "lambda should be defined with exactly " + expected
                    + " formal(s), but has " + lambda.arity());
        }
        return lambda;
    }

    /**
     * The value iterated by a lambda converter: a pdata map or slice as is (live), a native list or map
     * converted to a pdata one; anything else (nil included) is an error.
     */
    @TruffleBoundary
    static Object source(String function, Object v, Node location) {
        if (v instanceof AttributeMap || v instanceof AttributeList) {
            return v;
        } else if (v instanceof List<?> || v instanceof Map<?, ?>) {
            Object stored = Values.toStored(v);
            if (stored instanceof AttributeMap || stored instanceof AttributeList) {
                return stored;
            }
        }
        throw new OttlRuntimeException(function + ": unsupported type provided: " + Values.typeName(v), location);
    }

    @TruffleBoundary
    static int size(Object source) {
        return source instanceof AttributeMap m ? m.size() : ((AttributeList) source).size();
    }

    /** The first lambda argument of element {@code i}: the key of a map, the int index of a slice. */
    @TruffleBoundary
    static Object key(Object source, int i) {
        return source instanceof AttributeMap m ? (Object) m.keyAt(i) : (Object) (long) i;
    }

    /** The second lambda argument of element {@code i}: its value as an OTTL value (nested maps live). */
    @TruffleBoundary
    static Object value(Object source, int i) {
        return Values.fromStored(source instanceof AttributeMap m ? m.valueAt(i) : ((AttributeList) source).get(i));
    }

    /** A predicate's result: only a bool is accepted, as upstream. */
    @TruffleBoundary
    static boolean predicate(String function, Object result, Node location) {
        if (result instanceof Boolean b) {
            return b;
        }
        throw new OttlRuntimeException(function + ": lambda expression must return a value of type bool, got "
                + Values.typeName(result), location);
    }

    /** An empty result collection of the same shape as the source. */
    @TruffleBoundary
    static Object emptyLike(Object source) {
        return source instanceof AttributeMap ? new AttributeMap() : new AttributeList();
    }

    /** Appends element {@code i} of {@code source} (copied) to {@code out}. */
    @TruffleBoundary
    static void keep(Object source, int i, Object out) {
        if (out instanceof AttributeMap m) {
            AttributeMap src = (AttributeMap) source;
            m.put(src.keyAt(i), copy(src.valueAt(i)));
        } else {
            ((AttributeList) out).add(copy(((AttributeList) source).get(i)));
        }
    }

    /** Stores a computed value under the key (or at the end) of {@code out}; unstorable values are errors. */
    @TruffleBoundary
    static void store(String function, Object out, Object key, Object value, Node location) {
        Object stored = Values.toStored(value);
        if (stored == Values.UNSTORABLE) {
            throw new OttlRuntimeException(function + ": error while converting lambda function result: unsupported type "
                    + Values.typeName(value), location);
        }
        if (out instanceof AttributeMap m) {
            m.put((String) key, stored);
        } else {
            ((AttributeList) out).add(stored);
        }
    }

    private static Object copy(Object stored) {
        if (stored instanceof AttributeMap m) {
            return m.deepCopy();
        } else if (stored instanceof AttributeList l) {
            return l.deepCopy();
        } else if (stored instanceof byte[] b) {
            return b.clone();
        }
        return stored;
    }
}
