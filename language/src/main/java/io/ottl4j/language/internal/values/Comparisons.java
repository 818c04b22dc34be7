package io.ottl4j.language.internal.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import io.ottl4j.grammar.ast.CompareOp;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Upstream's comparison table (spec §5.5). Comparisons never fail: values of different kinds are
 * unequal and unordered, nil equals only nil, ints and doubles compare numerically.
 */
public final class Comparisons {
    private Comparisons() {
    }

    /** The result of an ordering: -1, 0, 1; or {@link #UNORDERED} for values that are only (un)equal. */
    private static final int UNORDERED = Integer.MIN_VALUE;
    /** Values of different kinds: only {@code !=} holds. */
    private static final int DIFFERENT = Integer.MAX_VALUE;

    public static boolean compare(Object a, Object b, CompareOp op) {
        return apply(order(a, b), op);
    }

    public static boolean apply(int order, CompareOp op) {
        if (order == DIFFERENT) {
            return op == CompareOp.NE;
        }
        if (order == UNORDERED || order == UNORDERED + 1) {
            // only equality is defined: UNORDERED means equal, UNORDERED + 1 unequal
            boolean equal = order == UNORDERED;
            return switch (op) {
                case EQ -> equal;
                case NE -> !equal;
                default -> false;
            };
        }
        return switch (op) {
            case EQ -> order == 0;
            case NE -> order != 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
        };
    }

    public static boolean compareLongs(long a, long b, CompareOp op) {
        return apply(Long.compare(a, b), op);
    }

    public static boolean compareDoubles(double a, double b, CompareOp op) {
        // Go compares floats with IEEE semantics: NaN is unordered and unequal to everything
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return op == CompareOp.NE;
        }
        return apply(a < b ? -1 : (a > b ? 1 : 0), op);
    }

    public static boolean compareStrings(String a, String b, CompareOp op) {
        return apply(compareUtf8(a, b), op);
    }

    @TruffleBoundary
    static int order(Object a, Object b) {
        Object x = normalize(a);
        Object y = normalize(b);
        if (x == null && y == null) {
            return 0;
        }
        if (x == null || y == null) {
            return DIFFERENT;
        }
        if (x instanceof Long l) {
            if (y instanceof Long m) {
                return Long.compare(l, m);
            } else if (y instanceof Double d) {
                return doubleOrder(l, d);
            }
            return DIFFERENT;
        } else if (x instanceof Double d) {
            if (y instanceof Double e) {
                return doubleOrder(d, e);
            } else if (y instanceof Long m) {
                return doubleOrder(d, m);
            }
            return DIFFERENT;
        } else if (x instanceof String s) {
            return y instanceof String t ? compareUtf8(s, t) : DIFFERENT;
        } else if (x instanceof Boolean p) {
            return y instanceof Boolean q ? Boolean.compare(p, q) : DIFFERENT;
        } else if (x instanceof byte[] p) {
            return y instanceof byte[] q ? Arrays.compareUnsigned(p, q) : DIFFERENT;
        } else if (x instanceof ZonedDateTime t) {
            return y instanceof ZonedDateTime u ? t.toInstant().compareTo(u.toInstant()) : DIFFERENT;
        } else if (x instanceof Duration d) {
            return y instanceof Duration e ? d.compareTo(e) : DIFFERENT;
        } else if (x instanceof AttributeMap || x instanceof Map) {
            if (y instanceof AttributeMap || y instanceof Map) {
                return AnyValue.deepEquals(asStored(x), asStored(y)) ? UNORDERED : UNORDERED + 1;
            }
            return DIFFERENT;
        } else if (x instanceof AttributeList || x instanceof List) {
            if (y instanceof AttributeList || y instanceof List) {
                return AnyValue.deepEquals(asStored(x), asStored(y)) ? UNORDERED : UNORDERED + 1;
            }
            return DIFFERENT;
        }
        return x.equals(y) ? UNORDERED : UNORDERED + 1;
    }

    private static Object asStored(Object v) {
        return v instanceof AttributeMap || v instanceof AttributeList ? v : io.ottl4j.language.function.Values.toStored(v);
    }

    private static int doubleOrder(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return UNORDERED + 1;
        }
        return a < b ? -1 : (a > b ? 1 : 0);
    }

    private static Object normalize(Object v) {
        if (v == AnyValue.EMPTY) {
            return null;
        }
        if (v instanceof byte[] b && b.length == 0) {
            // a nil byte slice is nil; an empty non-nil one cannot be told apart here, so both are nil
            return null;
        }
        return v;
    }

    /** Go compares strings byte-wise in UTF-8; for BMP text without surrogates UTF-16 order agrees. */
    static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char c = a.charAt(i);
            char d = b.charAt(i);
            if (c != d) {
                if (Character.isSurrogate(c) || Character.isSurrogate(d)) {
                    return compareCodePoints(a, b);
                }
                return c < d ? -1 : 1;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int compareCodePoints(String a, String b) {
        int r = Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
        return Integer.signum(r);
    }
}
