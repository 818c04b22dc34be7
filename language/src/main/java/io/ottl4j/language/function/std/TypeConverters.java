package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.BoolGetter;
import io.ottl4j.language.function.BoolLikeGetter;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.FloatGetter;
import io.ottl4j.language.function.FloatLikeGetter;
import io.ottl4j.language.function.Getter;
import io.ottl4j.language.function.IntGetter;
import io.ottl4j.language.function.IntLikeGetter;
import io.ottl4j.language.function.MapGetter;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.StringLikeGetter;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.TraceId;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Conversions between value types ({@code Int}, {@code Double}, {@code String}, {@code Bool},
 * {@code ParseInt}) and type tests ({@code IsString}, {@code IsMap}, {@code IsEmpty}...). The
 * conversions follow the coercing getters of spec §5.2; the {@code Is*} tests use the strict getters
 * and answer false where those raise a type error, as upstream does.
 */
public final class TypeConverters {
    private TypeConverters() {
    }

    @OttlFunction(name = "Int", kind = OttlFunction.Kind.CONVERTER,
            doc = "The value as an int: doubles are truncated, bools are 1/0, strings are parsed (nil when they do not parse, as in "
                    + "upstream's current Int).",
            example = "Int(attributes[\"http.status_code\"])")
    public static final class IntConverter extends ConverterNode {
        @Child private IntLikeGetter target;

        public IntConverter(@Param("target") IntLikeGetter target) {
            this.target = target;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return target.get(frame);
        }
    }

    @OttlFunction(name = "Double", kind = OttlFunction.Kind.CONVERTER,
            doc = "The value as a double: ints widen, bools are 1/0, strings are parsed (an unparsable string is an error).",
            example = "Double(attributes[\"duration\"])")
    public static final class DoubleConverter extends ConverterNode {
        @Child private FloatLikeGetter target;

        public DoubleConverter(@Param("target") FloatLikeGetter target) {
            this.target = target;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return target.get(frame);
        }
    }

    @OttlFunction(name = "String", kind = OttlFunction.Kind.CONVERTER,
            doc = "The string form of the value: bytes as hex, maps and lists as JSON, numbers and bools as JSON text; nil stays nil.",
            example = "String(attributes[\"http.status_code\"])")
    public static final class StringConverter extends ConverterNode {
        @Child private StringLikeGetter target;

        public StringConverter(@Param("target") StringLikeGetter target) {
            this.target = target;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return target.get(frame);
        }
    }

    @OttlFunction(name = "Bool", kind = OttlFunction.Kind.CONVERTER,
            doc = "The value as a bool: numbers are true when non-zero, strings parse as 1/t/T/TRUE/true/True and 0/f/F/FALSE/false/False.",
            example = "Bool(attributes[\"sampled\"])")
    public static final class BoolConverter extends ConverterNode {
        @Child private BoolLikeGetter target;

        public BoolConverter(@Param("target") BoolLikeGetter target) {
            this.target = target;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return target.get(frame);
        }
    }

    @OttlFunction(name = "ParseInt", kind = OttlFunction.Kind.CONVERTER,
            doc = "Parses a string as an int in the given base (2 to 36, or 0 to read a 0b/0o/0x/0 prefix), as Go's strconv.ParseInt.",
            example = "ParseInt(attributes[\"hex_id\"], 16)")
    public static final class ParseIntConverter extends ConverterNode {
        @Child private StringGetter target;
        @Child private IntGetter base;

        public ParseIntConverter(@Param("target") StringGetter target, @Param("base") IntGetter base) {
            this.target = target;
            this.base = base;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            String s = target.get(frame);
            if (s.isEmpty()) {
                throw error("ParseInt: invalid target value, target cannot be empty");
            }
            long b = base.get(frame);
            if (b < 0) {
                throw error("ParseInt: invalid base value " + b + ", base cannot be negative");
            }
            return parseInt(s, b, this);
        }
    }

    /** Go's {@code strconv.ParseInt(s, base, 64)}. */
    @TruffleBoundary
    static long parseInt(String s0, long requestedBase, Node node) {
        String s = s0;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            throw syntaxError(s0, node);
        }
        boolean base0 = requestedBase == 0;
        long base = requestedBase;
        if (base0) {
            base = 10;
            if (s.charAt(0) == '0') {
                char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
                if (p == 'b') {
                    base = 2;
                    s = s.substring(2);
                } else if (p == 'o') {
                    base = 8;
                    s = s.substring(2);
                } else if (p == 'x') {
                    base = 16;
                    s = s.substring(2);
                } else {
                    base = 8;
                    s = s.substring(1);
                }
            }
        } else if (base < 2 || base > 36) {
            throw new OttlRuntimeException("ParseInt: strconv.ParseInt: parsing \"" + s0 + "\": invalid base " + base, node);
        }
        BigInteger n = BigInteger.ZERO;
        BigInteger bigBase = BigInteger.valueOf(base);
        boolean underscores = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d;
            if (c == '_' && base0) {
                underscores = true;
                continue;
            } else if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (Character.toLowerCase(c) >= 'a' && Character.toLowerCase(c) <= 'z') {
                d = Character.toLowerCase(c) - 'a' + 10;
            } else {
                throw syntaxError(s0, node);
            }
            if (d >= base) {
                throw syntaxError(s0, node);
            }
            n = n.multiply(bigBase).add(BigInteger.valueOf(d));
            if (n.bitLength() > 64) {
                // keep scanning for syntax errors is not needed: Go reports the range error here
                throw rangeError(s0, node);
            }
        }
        if (underscores && !underscoreOk(s0)) {
            throw syntaxError(s0, node);
        }
        BigInteger v = neg ? n.negate() : n;
        if (v.bitLength() > 63) {
            throw rangeError(s0, node);
        }
        return v.longValue();
    }

    /** Go's rule for '_' digit separators (base 0 only): each one must sit between digits or after the prefix. */
    private static boolean underscoreOk(String str) {
        String s = str;
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            if (p == 'b' || p == 'o' || p == 'x') {
                i = 2;
                saw = '0';
                hex = p == 'x';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char lc = Character.toLowerCase(c);
            if ((c >= '0' && c <= '9') || (hex && lc >= 'a' && lc <= 'f')) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    private static OttlRuntimeException syntaxError(String s, Node node) {
        return new OttlRuntimeException("ParseInt: strconv.ParseInt: parsing \"" + s + "\": invalid syntax", node);
    }

    private static OttlRuntimeException rangeError(String s, Node node) {
        return new OttlRuntimeException("ParseInt: strconv.ParseInt: parsing \"" + s + "\": value out of range", node);
    }

    // ------------------------------------------------------------------ type tests

    /** A type test: true when the strict getter of the subclass reads the value, false on its type error. */
    abstract static class TypeTest extends ConverterNode {
        @Override
        public final Object executeGeneric(VirtualFrame frame) {
            try {
                read(frame);
                return true;
            } catch (OttlRuntimeException e) {
                return falseOnTypeError(e);
            }
        }

        /** Reads the argument with the strict getter, throwing its type error for a value of another type. */
        abstract void read(VirtualFrame frame);
    }

    @OttlFunction(name = "IsString", kind = OttlFunction.Kind.CONVERTER,
            doc = "True when the value is a string.", example = "IsString(body)")
    public static final class IsStringConverter extends TypeTest {
        @Child private StringGetter target;

        public IsStringConverter(@Param("target") StringGetter target) {
            this.target = target;
        }

        @Override
        void read(VirtualFrame frame) {
            target.get(frame);
        }
    }

    @OttlFunction(name = "IsInt", kind = OttlFunction.Kind.CONVERTER,
            doc = "True when the value is an int.", example = "IsInt(attributes[\"count\"])")
    public static final class IsIntConverter extends TypeTest {
        @Child private IntGetter target;

        public IsIntConverter(@Param("target") IntGetter target) {
            this.target = target;
        }

        @Override
        void read(VirtualFrame frame) {
            target.get(frame);
        }
    }

    @OttlFunction(name = "IsDouble", kind = OttlFunction.Kind.CONVERTER,
            doc = "True when the value is a double.", example = "IsDouble(attributes[\"ratio\"])")
    public static final class IsDoubleConverter extends TypeTest {
        @Child private FloatGetter target;

        public IsDoubleConverter(@Param("target") FloatGetter target) {
            this.target = target;
        }

        @Override
        void read(VirtualFrame frame) {
            target.get(frame);
        }
    }

    @OttlFunction(name = "IsBool", kind = OttlFunction.Kind.CONVERTER,
            doc = "True when the value is a bool.", example = "IsBool(attributes[\"sampled\"])")
    public static final class IsBoolConverter extends TypeTest {
        @Child private BoolGetter target;

        public IsBoolConverter(@Param("target") BoolGetter target) {
            this.target = target;
        }

        @Override
        void read(VirtualFrame frame) {
            target.get(frame);
        }
    }

    @OttlFunction(name = "IsMap", kind = OttlFunction.Kind.CONVERTER,
            doc = "True when the value is a map.", example = "IsMap(body)")
    public static final class IsMapConverter extends TypeTest {
        @Child private MapGetter target;

        public IsMapConverter(@Param("target") MapGetter target) {
            this.target = target;
        }

        @Override
        void read(VirtualFrame frame) {
            target.get(frame);
        }
    }

    /** The strict getter's type error (also one raised inside a nested call) means "not of that type". */
    private static boolean falseOnTypeError(OttlRuntimeException e) {
        if (e.isTypeError()) {
            return false;
        }
        throw e;
    }

    @OttlFunction(name = "IsList", kind = OttlFunction.Kind.CONVERTER,
            doc = "True when the value is a list (a pdata slice, a list literal, a converter's list, or a list of span events, links, data points...).",
            example = "IsList(attributes[\"tags\"])")
    public static final class IsListConverter extends ConverterNode {
        @Child private Getter target;

        public IsListConverter(@Param("target") Getter target) {
            this.target = target;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            Object v = target.get(frame);
            return v instanceof AttributeList || v instanceof List;
        }
    }

    @OttlFunction(name = "IsEmpty", kind = OttlFunction.Kind.CONVERTER,
            doc = "True for nil, empty strings, maps, lists and bytes, and zero values (0, 0.0, false, all-zero ids).",
            example = "IsEmpty(attributes[\"user\"])")
    public static final class IsEmptyConverter extends ConverterNode {
        @Child private Getter target;

        public IsEmptyConverter(@Param("target") Getter target) {
            this.target = target;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return isEmpty(target.get(frame));
        }

        /** Upstream: nil, the empty pdata value, zero-length maps/slices, and Go zero values. */
        @TruffleBoundary
        private static boolean isEmpty(Object v) {
            if (v == null || v == AnyValue.EMPTY) {
                return true;
            } else if (v instanceof String s) {
                return s.isEmpty();
            } else if (v instanceof Long l) {
                return l == 0;
            } else if (v instanceof Double d) {
                // Go's reflect IsZero compares the bits: -0.0 is not the zero value
                return Double.doubleToRawLongBits(d) == 0;
            } else if (v instanceof Boolean b) {
                return !b;
            } else if (v instanceof byte[] b) {
                return b.length == 0;
            } else if (v instanceof AttributeMap m) {
                return m.size() == 0;
            } else if (v instanceof AttributeList l) {
                return l.size() == 0;
            } else if (v instanceof List<?> l) {
                return l.isEmpty();
            } else if (v instanceof Map<?, ?> m) {
                return m.isEmpty();
            } else if (v instanceof TraceId t) {
                return allZero(t.bytes());
            } else if (v instanceof SpanId s) {
                return allZero(s.bytes());
            } else if (v instanceof Duration d) {
                return d.isZero();
            }
            // times and context objects are never Go zero values here
            return false;
        }

        private static boolean allZero(byte[] b) {
            for (byte x : b) {
                if (x != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
