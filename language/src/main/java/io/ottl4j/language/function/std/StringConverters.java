package io.ottl4j.language.function.std;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.Baseline;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.Getter;
import io.ottl4j.language.function.IntGetter;
import io.ottl4j.language.function.MapGetter;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.StringLikeGetter;
import io.ottl4j.language.function.StringLikeSliceGetter;
import io.ottl4j.language.function.std.internal.DynamicRegex;
import io.ottl4j.language.function.std.internal.GoFmt;
import io.ottl4j.language.function.std.internal.GoStrings;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Converters over strings: joining, splitting, slicing, case conversion, trimming, matching and
 * formatting. Offsets and lengths are in UTF-8 bytes, as Go strings are byte sequences.
 */
public final class StringConverters {
    private StringConverters() {
    }

    @OttlFunction(name = "Concat", kind = OttlFunction.Kind.CONVERTER,
            doc = "Joins the string forms of the values (a list, or any expression yielding one) with a delimiter; a nil value is written as <nil>.",
            example = "Concat([attributes[\"http.method\"], attributes[\"http.path\"]], \" \")")
    public static final class ConcatConverter extends ConverterNode {
        @Child private StringLikeSliceGetter vals;
        @Child private StringGetter delimiter;

        public ConcatConverter(@Param("vals") @Baseline(StringLikeGetter[].class) StringLikeSliceGetter vals,
                @Param("delimiter") @Baseline(String.class) StringGetter delimiter) {
            this.vals = vals;
            this.delimiter = delimiter;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            // upstream reads the delimiter first, then ranges over the values
            String d = delimiter.get(frame);
            StringLikeGetter[] literal = vals.elements();
            if (literal != null && literal.length == 2) {
                // the common case, without the parts array escaping into the boundary
                return join2(literal[0].get(frame), d, literal[1].get(frame));
            }
            return join(vals.get(frame), d);
        }

        @TruffleBoundary
        private static String join2(String a, String delimiter, String b) {
            return (a == null ? "<nil>" : a) + delimiter + (b == null ? "<nil>" : b);
        }

        @TruffleBoundary
        private static String join(Object[] parts, String delimiter) {
            if (parts == null) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    sb.append(delimiter);
                }
                sb.append(parts[i] == null ? "<nil>" : (String) parts[i]);
            }
            return sb.toString();
        }
    }

    @OttlFunction(name = "IsMatch", kind = OttlFunction.Kind.CONVERTER,
            doc = "True when the regular expression (RE2 syntax) matches somewhere in the string form of the value; nil gives false.",
            example = "IsMatch(attributes[\"http.path\"], \"^/api/v[0-9]+/\")")
    public static final class IsMatchConverter extends ConverterNode {
        @Child private StringLikeGetter target;
        @Child private DynamicRegex pattern;

        public IsMatchConverter(@Param("target") StringLikeGetter target, @Param("pattern") @Baseline(String.class) StringGetter pattern) {
            this.target = target;
            this.pattern = new DynamicRegex("IsMatch", "pattern", pattern);
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            // upstream compiles a non-literal pattern before reading the target
            Pattern p = pattern.get(frame);
            String s = target.get(frame);
            return s != null && find(p, s);
        }

        @TruffleBoundary
        private static boolean find(Pattern p, String s) {
            return p.matcher(s).find();
        }
    }

    @OttlFunction(name = "Split", kind = OttlFunction.Kind.CONVERTER,
            doc = "Splits a string at each occurrence of the delimiter into a list of strings.",
            example = "Split(attributes[\"flags\"], \"|\")")
    public static final class SplitConverter extends ConverterNode {
        @Child private StringGetter target;
        @Child private StringGetter delimiter;

        public SplitConverter(@Param("target") StringGetter target, @Param("delimiter") @Baseline(String.class) StringGetter delimiter) {
            this.target = target;
            this.delimiter = delimiter;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            String s = target.get(frame);
            return split(s, delimiter.get(frame));
        }

        @TruffleBoundary
        private static List<Object> split(String s, String delimiter) {
            if (s.isEmpty() && delimiter.isEmpty()) {
                return new ArrayList<>();
            }
            return GoStrings.split(s, delimiter);
        }
    }

    @OttlFunction(name = "Substring", kind = OttlFunction.Kind.CONVERTER,
            doc = "The part of a string of the given length from the given offset, counted in bytes (in characters with utf8_safe).",
            example = "Substring(attributes[\"id\"], 0, 8)")
    public static final class SubstringConverter extends ConverterNode {
        @Child private StringGetter target;
        @Child private IntGetter start;
        @Child private IntGetter length;
        private final boolean utf8Safe;

        public SubstringConverter(@Param("target") StringGetter target, @Param("start") IntGetter start,
                @Param("length") IntGetter length,
                @Param(value = "utf8_safe", optional = true, defaultValue = "false") Boolean utf8Safe) {
            this.target = target;
            this.start = start;
            this.length = length;
            this.utf8Safe = utf8Safe != null && utf8Safe;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            long from = start.get(frame);
            if (from < 0) {
                throw error("Substring: invalid start " + from + ", it cannot be negative");
            }
            long len = length.get(frame);
            if (len <= 0) {
                throw error("Substring: invalid length " + len + ", it cannot be negative or zero");
            }
            String s = target.get(frame);
            return utf8Safe ? runes(s, from, len, this) : bytes(s, from, len, this);
        }

        @TruffleBoundary
        private static String bytes(String s, long from, long len, Node node) {
            if (isAscii(s)) {
                if (from > s.length() || len > s.length() - from) {
                    throw outOfRange(from, len, s.length(), "", node);
                }
                return s.substring((int) from, (int) (from + len));
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (from > b.length || len > b.length - from) {
                throw outOfRange(from, len, b.length, "", node);
            }
            // a cut inside a UTF-8 sequence leaves invalid bytes, which read back as U+FFFD
            return new String(b, (int) from, (int) len, StandardCharsets.UTF_8);
        }

        @TruffleBoundary
        private static String runes(String s, long from, long len, Node node) {
            long end = from + len;
            int byteLength = GoStrings.utf8Length(s);
            if (end > byteLength) {
                throw outOfRange(from, len, byteLength, "", node);
            }
            int runeCount = s.codePointCount(0, s.length());
            if (end > runeCount) {
                throw outOfRange(from, len, runeCount, "rune ", node);
            }
            int b = s.offsetByCodePoints(0, (int) from);
            int e = s.offsetByCodePoints(b, (int) len);
            return s.substring(b, e);
        }

        private static OttlRuntimeException outOfRange(long from, long len, int size, String unit, Node node) {
            return new OttlRuntimeException("Substring: invalid range, start(" + from + ")+length(" + len
                    + ") cannot be greater than the " + unit + "length of target string(" + size + ")", node);
        }

        private static boolean isAscii(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x80) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A converter writing its {@code target} string in one case (lower, upper, snake or camel). */
    abstract static class CaseConverter extends ConverterNode {
        @Child private StringGetter target;
        private final String toCase;

        CaseConverter(StringGetter target, String toCase) {
            this.target = target;
            this.toCase = toCase;
        }

        @Override
        public final Object executeGeneric(VirtualFrame frame) {
            return convert(target.get(frame), toCase);
        }
    }

    @OttlFunction(name = "ToLowerCase", kind = OttlFunction.Kind.CONVERTER,
            doc = "The string in lower case.", example = "ToLowerCase(attributes[\"http.method\"])")
    public static final class ToLowerCaseConverter extends CaseConverter {
        public ToLowerCaseConverter(@Param("target") StringGetter target) {
            super(target, "lower");
        }
    }

    @OttlFunction(name = "ToUpperCase", kind = OttlFunction.Kind.CONVERTER,
            doc = "The string in upper case.", example = "ToUpperCase(attributes[\"http.method\"])")
    public static final class ToUpperCaseConverter extends CaseConverter {
        public ToUpperCaseConverter(@Param("target") StringGetter target) {
            super(target, "upper");
        }
    }

    @OttlFunction(name = "ToSnakeCase", kind = OttlFunction.Kind.CONVERTER,
            doc = "The string in snake case (fooBar -> foo_bar).", example = "ToSnakeCase(attributes[\"name\"])")
    public static final class ToSnakeCaseConverter extends CaseConverter {
        public ToSnakeCaseConverter(@Param("target") StringGetter target) {
            super(target, "snake");
        }
    }

    @OttlFunction(name = "ToCamelCase", kind = OttlFunction.Kind.CONVERTER,
            doc = "The string in upper camel case (foo_bar -> FooBar).", example = "ToCamelCase(attributes[\"name\"])")
    public static final class ToCamelCaseConverter extends CaseConverter {
        public ToCamelCaseConverter(@Param("target") StringGetter target) {
            super(target, "camel");
        }
    }

    @OttlFunction(name = "ConvertCase", kind = OttlFunction.Kind.CONVERTER,
            doc = "The string converted to a case: lower, upper, snake or camel.",
            example = "ConvertCase(attributes[\"name\"], \"snake\")")
    public static final class ConvertCaseConverter extends CaseConverter {
        public ConvertCaseConverter(@Param("target") StringGetter target, @Param("to_case") String toCase) {
            super(target, checkCase(toCase));
        }

        private static String checkCase(String toCase) {
            return switch (toCase) {
                case "lower", "upper", "snake", "camel" -> toCase;
                default -> throw new OttlArgumentException("to_case", "invalid case: " + toCase
                        + ", allowed cases are: lower, upper, snake, camel");
            };
        }
    }

    @TruffleBoundary
    static String convert(String s, String toCase) {
        if (s.isEmpty()) {
            return s;
        }
        return switch (toCase) {
            case "lower" -> GoStrings.toLower(s);
            case "upper" -> GoStrings.toUpper(s);
            case "snake" -> GoStrings.toSnake(s);
            default -> GoStrings.toCamel(s);
        };
    }

    @OttlFunction(name = "Trim", kind = OttlFunction.Kind.CONVERTER,
            doc = "Removes the leading and trailing characters that appear in replacement (default: spaces).",
            example = "Trim(attributes[\"name\"], \" \")")
    public static final class TrimConverter extends ConverterNode {
        @Child private StringGetter target;
        private final String cutset;

        public TrimConverter(@Param("target") StringGetter target,
                @Param(value = "replacement", optional = true, defaultValue = " ") String replacement) {
            this.target = target;
            this.cutset = replacement == null ? " " : replacement;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return trim(target.get(frame), cutset);
        }

        @TruffleBoundary
        private static String trim(String s, String cutset) {
            return GoStrings.trim(s, cutset);
        }
    }

    /** A converter applying a string function, in a boundary, to its {@code target} and one more string argument. */
    abstract static class StringAndString extends ConverterNode {
        @Child private StringGetter target;
        @Child private StringGetter other;
        private final BiFunction<String, String, Object> op;

        StringAndString(StringGetter target, StringGetter other, BiFunction<String, String, Object> op) {
            this.target = target;
            this.other = other;
            this.op = op;
        }

        @Override
        public final Object executeGeneric(VirtualFrame frame) {
            String s = target.get(frame);
            String p = other.get(frame);
            return apply(s, p);
        }

        @TruffleBoundary
        private Object apply(String s, String p) {
            return op.apply(s, p);
        }
    }

    @OttlFunction(name = "TrimPrefix", kind = OttlFunction.Kind.CONVERTER,
            doc = "The string without the given prefix (unchanged when it does not start with it).",
            example = "TrimPrefix(attributes[\"http.path\"], \"/api\")")
    public static final class TrimPrefixConverter extends StringAndString {
        public TrimPrefixConverter(@Param("target") StringGetter target, @Param("prefix") StringGetter prefix) {
            super(target, prefix, (s, p) -> s.startsWith(p) ? s.substring(p.length()) : s);
        }
    }

    @OttlFunction(name = "TrimSuffix", kind = OttlFunction.Kind.CONVERTER,
            doc = "The string without the given suffix (unchanged when it does not end with it).",
            example = "TrimSuffix(attributes[\"file\"], \".log\")")
    public static final class TrimSuffixConverter extends StringAndString {
        public TrimSuffixConverter(@Param("target") StringGetter target, @Param("suffix") StringGetter suffix) {
            super(target, suffix, (s, p) -> s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s);
        }
    }

    @OttlFunction(name = "HasPrefix", kind = OttlFunction.Kind.CONVERTER,
            doc = "True when the string starts with the prefix.", example = "HasPrefix(name, \"http.\")")
    public static final class HasPrefixConverter extends StringAndString {
        public HasPrefixConverter(@Param("target") StringGetter target, @Param("prefix") @Baseline(String.class) StringGetter prefix) {
            super(target, prefix, String::startsWith);
        }
    }

    @OttlFunction(name = "HasSuffix", kind = OttlFunction.Kind.CONVERTER,
            doc = "True when the string ends with the suffix.", example = "HasSuffix(attributes[\"file\"], \".log\")")
    public static final class HasSuffixConverter extends StringAndString {
        public HasSuffixConverter(@Param("target") StringGetter target, @Param("suffix") @Baseline(String.class) StringGetter suffix) {
            super(target, suffix, String::endsWith);
        }
    }

    @OttlFunction(name = "Format", kind = OttlFunction.Kind.CONVERTER,
            doc = "Formats the values with a Go fmt.Sprintf format string (%s, %d, %v, %f, %x, %q, %t, %02d...).",
            example = "Format(\"%s-%04d\", [attributes[\"service\"], attributes[\"id\"]])")
    public static final class FormatConverter extends ConverterNode {
        private final String format;
        @Children private final Getter[] vals;

        public FormatConverter(@Param("format") String format, @Param("vals") Getter[] vals) {
            this.format = format;
            this.vals = vals;
        }

        @Override
        @ExplodeLoop
        public Object executeGeneric(VirtualFrame frame) {
            Object[] args = new Object[vals.length];
            for (int i = 0; i < vals.length; i++) {
                args[i] = vals[i].get(frame);
            }
            return sprintf(format, args);
        }

        @TruffleBoundary
        private static String sprintf(String format, Object[] args) {
            return GoFmt.sprintf(format, args);
        }
    }

    @OttlFunction(name = "ToKeyValueString", kind = OttlFunction.Kind.CONVERTER,
            doc = "Writes a map as key=value pairs; keys and values containing a delimiter are double-quoted and quotes escaped.",
            example = "ToKeyValueString(attributes, \"=\", \" \", true)")
    public static final class ToKeyValueStringConverter extends ConverterNode {
        @Child private MapGetter target;
        private final String delimiter;
        private final String pairDelimiter;
        private final boolean sortOutput;

        public ToKeyValueStringConverter(@Param("target") MapGetter target,
                @Param(value = "delimiter", optional = true, defaultValue = "=") String delimiter,
                @Param(value = "pair_delimiter", optional = true, defaultValue = " ") String pairDelimiter,
                @Param(value = "sort_output", optional = true, defaultValue = "false") Boolean sortOutput) {
            this.target = target;
            if (delimiter != null && delimiter.isEmpty()) {
                throw new OttlArgumentException("delimiter", "delimiter cannot be set to an empty string");
            }
            if (pairDelimiter != null && pairDelimiter.isEmpty()) {
                throw new OttlArgumentException("pair_delimiter", "pair delimiter cannot be set to an empty string");
            }
            this.delimiter = delimiter == null ? "=" : delimiter;
            this.pairDelimiter = pairDelimiter == null ? " " : pairDelimiter;
            if (this.delimiter.equals(this.pairDelimiter)) {
                throw new OttlArgumentException(pairDelimiter == null ? "delimiter" : "pair_delimiter", "pair delimiter \""
                        + this.pairDelimiter + "\" cannot be equal to delimiter \"" + this.delimiter + "\"");
            }
            this.sortOutput = sortOutput != null && sortOutput;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return toKeyValue(target.get(frame), delimiter, pairDelimiter, sortOutput);
        }

        @TruffleBoundary
        private static String toKeyValue(AttributeMap map, String delimiter, String pairDelimiter, boolean sort) {
            int n = map.size();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            if (sort) {
                // Go compares strings byte-wise: code point order
                java.util.Arrays.sort(order, (a, b) -> compareCodePoints(map.keyAt(a), map.keyAt(b)));
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(pairDelimiter);
                }
                int at = order[i];
                sb.append(quoteKv(map.keyAt(at), delimiter, pairDelimiter)).append(delimiter)
                        .append(quoteKv(AnyValue.asString(map.valueAt(at)), delimiter, pairDelimiter));
            }
            return sb.toString();
        }

        private static String quoteKv(String s, String delimiter, String pairDelimiter) {
            String escaped = s.replace("\"", "\\\"");
            if (escaped.contains(pairDelimiter) || escaped.contains(delimiter)) {
                return "\"" + escaped + "\"";
            }
            return escaped;
        }
    }

    /** Go's string order: byte-wise in UTF-8, which is code point order. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int c = a.codePointAt(i);
            int d = b.codePointAt(j);
            if (c != d) {
                return Integer.compare(c, d);
            }
            i += Character.charCount(c);
            j += Character.charCount(d);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
