package io.ottl4j.language.function.std.internal;

import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.TraceId;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's {@code fmt.Sprintf} over OTTL values, for the {@code Format} converter. Upstream hands the
 * format string and the argument values to Go's fmt package, so mismatches between verbs and values
 * are not errors but inline texts ({@code %!d(string=x)}, {@code %!s(MISSING)}, {@code %!(EXTRA ...)}),
 * and those texts are part of the observable behaviour. OTTL values map to Go types as upstream's
 * getters produce them: String=string, Long=int64, Double=float64, Boolean=bool, byte[]=[]uint8,
 * lists=[]interface {}, maps=map[string]interface {} (pdata maps and slices are printed like their raw
 * forms: Go would print their internal pointers, which no one can rely on).
 */
public final class GoFmt {
    private static final String LOWER = "0123456789abcdefx";
    private static final String UPPER = "0123456789ABCDEFX";

    private final StringBuilder buf = new StringBuilder();
    // flags of the verb being printed
    private boolean plus;
    private boolean minus;
    private boolean sharp;
    private boolean space;
    private boolean zero;
    private boolean plusV;
    private boolean sharpV;
    private boolean widPresent;
    private boolean precPresent;
    private int wid;
    private int prec;
    // state of the argument list
    private boolean reordered;
    private boolean goodArgNum;
    /** The argument of the verb being printed, for bad-verb texts; NO_ARG inside nested elements. */
    private Object arg;

    private GoFmt() {
    }

    public static String sprintf(String format, Object[] args) {
        GoFmt p = new GoFmt();
        p.doPrintf(format, args);
        return p.buf.toString();
    }

    private void clearFlags() {
        plus = false;
        minus = false;
        sharp = false;
        space = false;
        zero = false;
        plusV = false;
        sharpV = false;
        widPresent = false;
        precPresent = false;
        wid = 0;
        prec = 0;
    }

    // ------------------------------------------------------------------ the format loop (fmt.doPrintf)

    private void doPrintf(String format, Object[] a) {
        int end = format.length();
        int argNum = 0;
        boolean afterIndex;
        reordered = false;
        int i = 0;
        formatLoop:
        while (i < end) {
            goodArgNum = true;
            int lasti = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            if (i > lasti) {
                buf.append(format, lasti, i);
            }
            if (i >= end) {
                break;
            }
            i++;
            clearFlags();
            simpleFormat:
            for (; i < end; i++) {
                char c = format.charAt(i);
                switch (c) {
                    case '#' -> sharp = true;
                    case '0' -> zero = !minus;
                    case '+' -> plus = true;
                    case '-' -> {
                        minus = true;
                        zero = false;
                    }
                    case ' ' -> space = true;
                    default -> {
                        if (c >= 'a' && c <= 'z' && argNum < a.length) {
                            if (c == 'v') {
                                sharpV = sharp;
                                sharp = false;
                                plusV = plus;
                                plus = false;
                            }
                            printArg(a[argNum], c);
                            argNum++;
                            i++;
                            continue formatLoop;
                        }
                        break simpleFormat;
                    }
                }
            }
            int[] r = argNumber(argNum, format, i, a.length);
            argNum = r[0];
            i = r[1];
            afterIndex = r[2] != 0;
            if (i < end && format.charAt(i) == '*') {
                i++;
                long[] w = intFromArg(a, argNum);
                wid = (int) w[0];
                widPresent = w[1] != 0;
                argNum = (int) w[2];
                if (!widPresent) {
                    buf.append("%!(BADWIDTH)");
                }
                if (wid < 0) {
                    wid = -wid;
                    minus = true;
                    zero = false;
                }
                afterIndex = false;
            } else {
                int[] n = parseNum(format, i, end);
                wid = n[0];
                widPresent = n[1] != 0;
                i = n[2];
                if (afterIndex && widPresent) {
                    goodArgNum = false;
                }
            }
            if (i + 1 < end && format.charAt(i) == '.') {
                i++;
                if (afterIndex) {
                    goodArgNum = false;
                }
                r = argNumber(argNum, format, i, a.length);
                argNum = r[0];
                i = r[1];
                afterIndex = r[2] != 0;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    long[] w = intFromArg(a, argNum);
                    prec = (int) w[0];
                    precPresent = w[1] != 0;
                    argNum = (int) w[2];
                    if (prec < 0) {
                        prec = 0;
                        precPresent = false;
                    }
                    if (!precPresent) {
                        buf.append("%!(BADPREC)");
                    }
                    afterIndex = false;
                } else {
                    int[] n = parseNum(format, i, end);
                    prec = n[0];
                    precPresent = n[1] != 0;
                    i = n[2];
                    if (!precPresent) {
                        prec = 0;
                        precPresent = true;
                    }
                }
            }
            if (!afterIndex) {
                r = argNumber(argNum, format, i, a.length);
                argNum = r[0];
                i = r[1];
            }
            if (i >= end) {
                buf.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                buf.append('%');
            } else if (!goodArgNum) {
                badArgNum(verb);
            } else if (argNum >= a.length) {
                missingArg(verb);
            } else {
                if (verb == 'v') {
                    sharpV = sharp;
                    sharp = false;
                    plusV = plus;
                    plus = false;
                }
                printArg(a[argNum], verb);
                argNum++;
            }
        }
        if (!reordered && argNum < a.length) {
            clearFlags();
            buf.append("%!(EXTRA ");
            for (int k = argNum; k < a.length; k++) {
                if (k > argNum) {
                    buf.append(", ");
                }
                if (a[k] == null) {
                    buf.append("<nil>");
                } else {
                    buf.append(typeName(a[k])).append('=');
                    printArg(a[k], 'v');
                }
            }
            buf.append(')');
        }
    }

    /** {@code [n]} argument indexes: returns {argNum, i, found}. */
    private int[] argNumber(int argNum, String format, int i, int numArgs) {
        if (format.length() <= i || format.charAt(i) != '[') {
            return new int[] {argNum, i, 0};
        }
        reordered = true;
        int index;
        int width;
        boolean ok;
        String f = format.substring(i);
        if (f.length() < 3) {
            index = 0;
            width = 1;
            ok = false;
        } else {
            int close = f.indexOf(']', 1);
            if (close < 0) {
                index = 0;
                width = 1;
                ok = false;
            } else {
                int[] n = parseNum(f, 1, close);
                if (n[1] == 0 || n[2] != close) {
                    index = 0;
                    width = close + 1;
                    ok = false;
                } else {
                    index = n[0] - 1;
                    width = close + 1;
                    ok = true;
                }
            }
        }
        if (ok && index >= 0 && index < numArgs) {
            return new int[] {index, i + width, 1};
        }
        goodArgNum = false;
        return new int[] {argNum, i + width, ok ? 1 : 0};
    }

    /** Returns {num, isNum, newIndex}. */
    private static int[] parseNum(String s, int start, int end) {
        int num = 0;
        boolean isNum = false;
        int i = start;
        for (; i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            if (num > 1_000_000 || num < -1_000_000) {
                return new int[] {0, 0, end};
            }
            num = num * 10 + (s.charAt(i) - '0');
            isNum = true;
        }
        return new int[] {num, isNum ? 1 : 0, i};
    }

    /** A {@code *} width or precision: only an int argument counts. Returns {num, isInt, newArgNum}. */
    private static long[] intFromArg(Object[] a, int argNum) {
        long num = 0;
        boolean isInt = false;
        int newArgNum = argNum;
        if (argNum < a.length) {
            if (a[argNum] instanceof Long l) {
                num = l;
                isInt = true;
            }
            newArgNum = argNum + 1;
            if (num > 1_000_000 || num < -1_000_000) {
                num = 0;
                isInt = false;
            }
        }
        return new long[] {num, isInt ? 1 : 0, newArgNum};
    }

    private void badArgNum(int verb) {
        buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
    }

    private void missingArg(int verb) {
        buf.append("%!").appendCodePoint(verb).append("(MISSING)");
    }

    private void badVerb(int verb, Object value) {
        buf.append("%!").appendCodePoint(verb).append('(');
        if (value != null) {
            buf.append(typeName(value)).append('=');
            Object saved = arg;
            printArg(value, 'v');
            arg = saved;
        } else {
            buf.append("<nil>");
        }
        buf.append(')');
    }

    /** Go's {@code reflect.TypeOf(v).String()} for the Go value upstream would hold. */
    public static String typeName(Object v) {
        if (v == null || v == AnyValue.EMPTY) {
            return "<nil>";
        } else if (v instanceof String) {
            return "string";
        } else if (v instanceof Long) {
            return "int64";
        } else if (v instanceof Double) {
            return "float64";
        } else if (v instanceof Boolean) {
            return "bool";
        } else if (v instanceof byte[]) {
            return "[]uint8";
        } else if (v instanceof AttributeMap) {
            return "pcommon.Map";
        } else if (v instanceof AttributeList) {
            return "pcommon.Slice";
        } else if (v instanceof List) {
            return "[]interface {}";
        } else if (v instanceof Map) {
            return "map[string]interface {}";
        } else if (v instanceof ZonedDateTime) {
            return "time.Time";
        } else if (v instanceof Duration) {
            return "time.Duration";
        } else if (v instanceof TraceId) {
            return "pcommon.TraceID";
        } else if (v instanceof SpanId) {
            return "pcommon.SpanID";
        } else if (v instanceof Integer) {
            return "uint8";
        }
        return v.getClass().getSimpleName();
    }

    // ------------------------------------------------------------------ printing one argument (fmt.printArg)

    private void printArg(Object value, int verb) {
        Object v = value == AnyValue.EMPTY ? null : value;
        arg = v;
        if (v == null) {
            if (verb == 'T' || verb == 'v') {
                padString("<nil>");
            } else {
                badVerb(verb, null);
            }
            return;
        }
        if (verb == 'T') {
            fmtS(typeName(v));
            return;
        }
        if (verb == 'p') {
            badVerb(verb, v);
            return;
        }
        printValue(v, verb, 0);
    }

    private void printValue(Object v, int verb, int depth) {
        if (v == null || v == AnyValue.EMPTY) {
            // a nil element of a list or map
            if (depth == 0) {
                padString("<nil>");
            } else {
                buf.append("<nil>");
            }
            return;
        }
        if (v instanceof Boolean b) {
            if (verb == 't' || verb == 'v') {
                padString(b ? "true" : "false");
            } else {
                badVerb(verb, v);
            }
        } else if (v instanceof Long l) {
            fmtInteger(l, true, verb, v);
        } else if (v instanceof Integer u) {
            // an element of a byte slice (Go uint8)
            fmtInteger(u & 0xffL, false, verb, v);
        } else if (v instanceof Double d) {
            fmtFloat(d, verb, v);
        } else if (v instanceof String s) {
            fmtString(s, verb, v);
        } else if (v instanceof byte[] b) {
            fmtBytes(b, verb);
        } else if (v instanceof TraceId || v instanceof SpanId || v instanceof ZonedDateTime || v instanceof Duration) {
            printStringer(v, verb);
        } else if (v instanceof AttributeMap || v instanceof Map) {
            printMap(v, verb, depth);
        } else if (v instanceof AttributeList || v instanceof List) {
            printList(listOf(v), verb, depth);
        } else {
            // an opaque context object (span event, data point...): Go prints its struct fields
            padString(String.valueOf(v));
        }
    }

    /** Types with a Go String() method: used for %v %s %x %X %q; other verbs see the underlying kind. */
    private void printStringer(Object v, int verb) {
        if (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q') {
            fmtString(stringerText(v), verb, v);
            return;
        }
        if (v instanceof Duration d) {
            long nanos;
            try {
                nanos = d.toNanos();
            } catch (ArithmeticException e) {
                nanos = d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            fmtInteger(nanos, true, verb, v);
        } else if (v instanceof TraceId t) {
            printByteArray(t.bytes(), verb);
        } else if (v instanceof SpanId s) {
            printByteArray(s.bytes(), verb);
        } else {
            badVerb(verb, v);
        }
    }

    private void printByteArray(byte[] bytes, int verb) {
        buf.append('[');
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                buf.append(' ');
            }
            printValue(bytes[i] & 0xff, verb, 1);
        }
        buf.append(']');
    }

    private static String stringerText(Object v) {
        if (v instanceof TraceId t) {
            return t.toHex();
        } else if (v instanceof SpanId s) {
            return s.toHex();
        } else if (v instanceof Duration d) {
            return goDuration(d);
        }
        return goTime((ZonedDateTime) v);
    }

    private static List<Object> listOf(Object v) {
        if (v instanceof AttributeList l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(l.get(i));
            }
            return out;
        }
        return new ArrayList<>((List<?>) v);
    }

    private void printList(List<Object> list, int verb, int depth) {
        if (sharpV) {
            buf.append("[]interface {}{");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    buf.append(", ");
                }
                printValue(list.get(i), verb, depth + 1);
            }
            buf.append('}');
            return;
        }
        buf.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                buf.append(' ');
            }
            printValue(list.get(i), verb, depth + 1);
        }
        buf.append(']');
    }

    private void printMap(Object v, int verb, int depth) {
        // Go prints maps with their keys sorted
        TreeMap<String, Object> sorted = new TreeMap<>();
        if (v instanceof AttributeMap m) {
            for (int i = 0; i < m.size(); i++) {
                sorted.put(m.keyAt(i), m.valueAt(i));
            }
        } else {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                sorted.put(String.valueOf(e.getKey()), e.getValue());
            }
        }
        buf.append(sharpV ? "map[string]interface {}{" : "map[");
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (!first) {
                buf.append(sharpV ? ", " : " ");
            }
            first = false;
            printValue(e.getKey(), verb, depth + 1);
            buf.append(':');
            printValue(e.getValue(), verb, depth + 1);
        }
        buf.append(sharpV ? '}' : ']');
    }

    // ------------------------------------------------------------------ padding

    private void writePadding(int n) {
        if (n <= 0) {
            return;
        }
        char c = zero ? '0' : ' ';
        for (int i = 0; i < n; i++) {
            buf.append(c);
        }
    }

    private void pad(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - s.codePointCount(0, s.length());
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            writePadding(width);
        }
    }

    private void padString(String s) {
        pad(s);
    }

    // ------------------------------------------------------------------ integers

    private void fmtInteger(long v, boolean signed, int verb, Object value) {
        switch (verb) {
            case 'v', 'd' -> {
                if (verb == 'v' && sharpV && !signed) {
                    buf.append("0x").append(Long.toHexString(v));
                } else {
                    formatInteger(v, 10, signed, verb, LOWER);
                }
            }
            case 'b' -> formatInteger(v, 2, signed, verb, LOWER);
            case 'o', 'O' -> formatInteger(v, 8, signed, verb, LOWER);
            case 'x' -> formatInteger(v, 16, signed, verb, LOWER);
            case 'X' -> formatInteger(v, 16, signed, verb, UPPER);
            case 'c' -> pad(new String(Character.toChars(validRune(v, signed))));
            case 'q' -> pad(quoteRune(validRune(v, signed), plus));
            case 'U' -> fmtUnicode(v, signed);
            default -> badVerb(verb, value);
        }
    }

    private static int validRune(long v, boolean signed) {
        if ((signed && (v < 0 || v > 0x10FFFF)) || (!signed && Long.compareUnsigned(v, 0x10FFFF) > 0)) {
            return 0xFFFD;
        }
        return (int) v;
    }

    private void formatInteger(long value, int base, boolean signed, int verb, String digits) {
        boolean negative = signed && value < 0;
        // the magnitude as an unsigned 64-bit number (Long.MIN_VALUE stays itself)
        long u = negative ? -value : value;
        int precision = 0;
        if (precPresent) {
            precision = prec;
            if (precision == 0 && u == 0) {
                boolean oldZero = zero;
                zero = false;
                writePadding(wid);
                zero = oldZero;
                return;
            }
        } else if (zero && !minus && widPresent) {
            precision = wid;
            if (negative || plus || space) {
                precision--;
            }
        }
        StringBuilder sb = new StringBuilder();
        String mag = Long.toUnsignedString(u, base);
        if (digits == UPPER) {
            mag = mag.toUpperCase(java.util.Locale.ROOT);
        }
        sb.append(mag);
        while (sb.length() < precision) {
            sb.insert(0, '0');
        }
        if (sharp) {
            switch (base) {
                case 2 -> sb.insert(0, "0b");
                case 8 -> {
                    if (sb.charAt(0) != '0') {
                        sb.insert(0, '0');
                    }
                }
                case 16 -> sb.insert(0, "0" + digits.charAt(16));
                default -> { }
            }
        }
        if (verb == 'O') {
            sb.insert(0, "0o");
        }
        if (negative) {
            sb.insert(0, '-');
        } else if (plus) {
            sb.insert(0, '+');
        } else if (space) {
            sb.insert(0, ' ');
        }
        boolean oldZero = zero;
        zero = false;
        pad(sb.toString());
        zero = oldZero;
    }

    private void fmtUnicode(long v, boolean signed) {
        StringBuilder sb = new StringBuilder("U+");
        String hex = Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
        int minDigits = 4;
        if (precPresent && prec > 4) {
            minDigits = prec;
        }
        for (int i = hex.length(); i < minDigits; i++) {
            sb.append('0');
        }
        sb.append(hex);
        if (sharp && v >= 0 && v <= 0x10FFFF && isPrint((int) v)) {
            sb.append(" '").appendCodePoint((int) v).append('\'');
        }
        boolean oldZero = zero;
        zero = false;
        pad(sb.toString());
        zero = oldZero;
    }

    // ------------------------------------------------------------------ floats

    private void fmtFloat(double v, int verb, Object value) {
        switch (verb) {
            case 'v' -> formatFloat(v, 'g', -1);
            case 'g', 'G' -> formatFloat(v, verb, -1);
            case 'f', 'F', 'e', 'E' -> formatFloat(v, verb, 6);
            case 'b', 'x', 'X' -> formatFloat(v, 'g', -1); // rarely used binary/hex float forms: shown as %g
            default -> badVerb(verb, value);
        }
    }

    private void formatFloat(double v, int verb, int defaultPrec) {
        int p = precPresent ? prec : defaultPrec;
        String num = appendFloat(v, verb, p);
        if (num.charAt(0) != '-' && num.charAt(0) != '+') {
            num = "+" + num;
        }
        if (space && num.charAt(0) == '+' && !plus) {
            num = " " + num.substring(1);
        }
        if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
            boolean oldZero = zero;
            zero = false;
            if (num.charAt(1) == 'N' && !space && !plus) {
                num = num.substring(1);
            }
            pad(num);
            zero = oldZero;
            return;
        }
        if (sharp && verb != 'b') {
            num = sharpFloat(num, verb, p);
        }
        if (plus || num.charAt(0) != '+') {
            if (zero && !minus && widPresent && wid > num.length()) {
                buf.append(num.charAt(0));
                writePadding(wid - num.length());
                buf.append(num, 1, num.length());
                return;
            }
            pad(num);
            return;
        }
        pad(num.substring(1));
    }

    /** The '#' flag: always a decimal point, and %g keeps its trailing zeros. */
    private static String sharpFloat(String num, int verb, int p) {
        int expAt = -1;
        for (int i = 1; i < num.length(); i++) {
            char c = num.charAt(i);
            if (c == 'e' || c == 'E') {
                expAt = i;
                break;
            }
        }
        String mant = expAt < 0 ? num : num.substring(0, expAt);
        String tail = expAt < 0 ? "" : num.substring(expAt);
        if (!mant.contains(".")) {
            mant = mant + ".";
        }
        if (verb == 'g' || verb == 'G') {
            int digits = p < 0 ? 6 : (p == 0 ? 1 : p);
            int count = 0;
            boolean leading = true;
            for (int i = 1; i < mant.length(); i++) {
                char c = mant.charAt(i);
                if (c >= '0' && c <= '9') {
                    if (c != '0' || !leading) {
                        leading = false;
                        count++;
                    }
                }
            }
            if (leading) {
                count = 1;
            }
            StringBuilder sb = new StringBuilder(mant);
            for (int i = count; i < digits; i++) {
                sb.append('0');
            }
            mant = sb.toString();
        }
        return mant + tail;
    }

    /** Go's {@code strconv.FormatFloat(v, verb, prec, 64)}. */
    public static String appendFloat(double v, int verb, int precision) {
        if (Double.isNaN(v)) {
            return "NaN";
        } else if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean neg = (Double.doubleToRawLongBits(v) < 0);
        double abs = Math.abs(v);
        int fmt = verb;
        boolean shortest = precision < 0;
        Decimal d;
        int p = precision;
        if (shortest) {
            d = Decimal.shortest(abs);
            switch (fmt) {
                case 'e', 'E' -> p = Math.max(d.nd() - 1, 0);
                case 'f', 'F' -> p = Math.max(d.nd() - d.dp, 0);
                default -> p = d.nd();
            }
        } else if (fmt == 'f' || fmt == 'F') {
            d = Decimal.fixedPoint(abs, p);
        } else {
            int digits = p;
            if (fmt == 'e' || fmt == 'E') {
                digits++;
            } else {
                if (p == 0) {
                    p = 1;
                }
                digits = p;
            }
            d = Decimal.significant(abs, digits);
        }
        StringBuilder sb = new StringBuilder();
        switch (fmt) {
            case 'e', 'E' -> fmtE(sb, neg, d, p, (char) fmt);
            case 'f', 'F' -> fmtF(sb, neg, d, p);
            default -> {
                int eprec = p;
                if (eprec > d.nd() && d.nd() >= d.dp) {
                    eprec = d.nd();
                }
                if (shortest) {
                    eprec = 6;
                }
                int exp = d.dp - 1;
                if (exp < -4 || exp >= eprec) {
                    if (p > d.nd()) {
                        p = d.nd();
                    }
                    fmtE(sb, neg, d, p - 1, fmt == 'G' ? 'E' : 'e');
                } else {
                    if (p > d.dp) {
                        p = d.nd();
                    }
                    fmtF(sb, neg, d, Math.max(p - d.dp, 0));
                }
            }
        }
        return sb.toString();
    }

    private static void fmtE(StringBuilder sb, boolean neg, Decimal d, int prec, char fmt) {
        if (neg) {
            sb.append('-');
        }
        sb.append(d.nd() == 0 ? '0' : d.digits.charAt(0));
        if (prec > 0) {
            sb.append('.');
            int i = 1;
            int m = Math.min(d.nd(), prec + 1);
            if (i < m) {
                sb.append(d.digits, i, m);
                i = m;
            }
            for (; i <= prec; i++) {
                sb.append('0');
            }
        }
        sb.append(fmt);
        int exp = d.dp - 1;
        if (d.nd() == 0) {
            exp = 0;
        }
        if (exp < 0) {
            sb.append('-');
            exp = -exp;
        } else {
            sb.append('+');
        }
        if (exp < 10) {
            sb.append('0').append(exp);
        } else {
            sb.append(exp);
        }
    }

    private static void fmtF(StringBuilder sb, boolean neg, Decimal d, int prec) {
        if (neg) {
            sb.append('-');
        }
        if (d.dp > 0) {
            int m = Math.min(d.nd(), d.dp);
            sb.append(d.digits, 0, m);
            for (; m < d.dp; m++) {
                sb.append('0');
            }
        } else {
            sb.append('0');
        }
        if (prec > 0) {
            sb.append('.');
            for (int i = 1; i <= prec; i++) {
                int j = d.dp + i - 1;
                sb.append(j >= 0 && j < d.nd() ? d.digits.charAt(j) : '0');
            }
        }
    }

    /** A non-negative decimal 0.digits × 10^dp with no trailing zeros (digits empty for zero). */
    record Decimal(String digits, int dp) {
        int nd() {
            return digits.length();
        }

        static Decimal of(BigDecimal value) {
            if (value.signum() == 0) {
                return new Decimal("", 0);
            }
            BigDecimal s = value.stripTrailingZeros();
            String digs = s.unscaledValue().toString();
            return new Decimal(digs, digs.length() - s.scale());
        }

        /** The shortest digits that read back as the same double, as Go's 'shortest' mode. */
        static Decimal shortest(double abs) {
            return abs == 0 ? new Decimal("", 0) : of(new BigDecimal(Double.toString(abs)));
        }

        static Decimal fixedPoint(double abs, int decimals) {
            return of(new BigDecimal(abs).setScale(decimals, RoundingMode.HALF_EVEN));
        }

        static Decimal significant(double abs, int digits) {
            if (abs == 0) {
                return new Decimal("", 0);
            }
            return of(new BigDecimal(abs).round(new MathContext(digits, RoundingMode.HALF_EVEN)));
        }
    }

    // ------------------------------------------------------------------ strings and bytes

    private void fmtString(String s, int verb, Object value) {
        switch (verb) {
            case 'v' -> {
                if (sharpV) {
                    fmtQ(s);
                } else {
                    fmtS(s);
                }
            }
            case 's' -> fmtS(s);
            case 'x' -> fmtSbx(s.getBytes(StandardCharsets.UTF_8), LOWER);
            case 'X' -> fmtSbx(s.getBytes(StandardCharsets.UTF_8), UPPER);
            case 'q' -> fmtQ(s);
            default -> badVerb(verb, value);
        }
    }

    private void fmtBytes(byte[] b, int verb) {
        switch (verb) {
            case 'v', 'd' -> {
                if (sharpV) {
                    buf.append("[]byte{");
                    for (int i = 0; i < b.length; i++) {
                        if (i > 0) {
                            buf.append(", ");
                        }
                        buf.append("0x").append(Integer.toHexString(b[i] & 0xff));
                    }
                    buf.append('}');
                } else {
                    buf.append('[');
                    for (int i = 0; i < b.length; i++) {
                        if (i > 0) {
                            buf.append(' ');
                        }
                        formatInteger(b[i] & 0xff, 10, false, verb, LOWER);
                    }
                    buf.append(']');
                }
            }
            case 's' -> fmtS(new String(b, StandardCharsets.UTF_8));
            case 'x' -> fmtSbx(b, LOWER);
            case 'X' -> fmtSbx(b, UPPER);
            case 'q' -> fmtQ(new String(b, StandardCharsets.UTF_8));
            default -> printByteArray(b, verb);
        }
    }

    private String truncate(String s) {
        if (precPresent) {
            int n = prec;
            int i = 0;
            while (i < s.length()) {
                n--;
                if (n < 0) {
                    return s.substring(0, i);
                }
                i += Character.charCount(s.codePointAt(i));
            }
        }
        return s;
    }

    private void fmtS(String s) {
        padString(truncate(s));
    }

    private void fmtSbx(byte[] b, String digits) {
        int length = b.length;
        if (precPresent && prec < length) {
            length = prec;
        }
        int width = 2 * length;
        if (width > 0) {
            if (space) {
                if (sharp) {
                    width *= 2;
                }
                width += length - 1;
            } else if (sharp) {
                width += 2;
            }
        } else {
            if (widPresent) {
                writePadding(wid);
            }
            return;
        }
        if (widPresent && wid > width && !minus) {
            writePadding(wid - width);
        }
        if (sharp) {
            buf.append('0').append(digits.charAt(16));
        }
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                buf.append(' ');
                if (sharp) {
                    buf.append('0').append(digits.charAt(16));
                }
            }
            int c = b[i] & 0xff;
            buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xf));
        }
        if (widPresent && wid > width && minus) {
            writePadding(wid - width);
        }
    }

    private void fmtQ(String s) {
        String t = truncate(s);
        if (sharp && canBackquote(t)) {
            padString("`" + t + "`");
            return;
        }
        pad(quote(t, '"', plus));
    }

    private static boolean canBackquote(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == '`' || c == 0xFEFF) {
                return false;
            }
            if (c < ' ' && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Go's {@code strconv.Quote} (or QuoteToASCII). */
    public static String quote(String s, char q, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder();
        sb.append(q);
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            appendEscaped(sb, r, q, asciiOnly);
        }
        sb.append(q);
        return sb.toString();
    }

    private static String quoteRune(int r, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder("'");
        appendEscaped(sb, r, '\'', asciiOnly);
        return sb.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder sb, int r, char q, boolean asciiOnly) {
        if (r == q || r == '\\') {
            sb.append('\\').append((char) r);
            return;
        }
        if (asciiOnly ? (r < 0x80 && isPrint(r)) : isPrint(r)) {
            sb.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 7 -> sb.append("\\a");
            case '\b' -> sb.append("\\b");
            case '\f' -> sb.append("\\f");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            case 11 -> sb.append("\\v");
            default -> {
                if (r < ' ' || r == 0x7f) {
                    sb.append("\\x").append(hex(r, 2));
                } else if (Character.isSurrogate((char) r) && r < 0x10000) {
                    sb.append("\\ufffd");
                } else if (r < 0x10000) {
                    sb.append("\\u").append(hex(r, 4));
                } else {
                    sb.append("\\U").append(hex(r, 8));
                }
            }
        }
    }

    private static String hex(int v, int width) {
        String h = Integer.toHexString(v);
        return "0".repeat(Math.max(0, width - h.length())) + h;
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        return switch (Character.getType(r)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    // ------------------------------------------------------------------ Go String() of times and durations

    /** Go's {@code time.Duration.String()}: {@code 1h30m0s}, {@code 1.5s}, {@code 2ms}, {@code 0s}. */
    public static String goDuration(Duration duration) {
        long d;
        try {
            d = duration.toNanos();
        } catch (ArithmeticException e) {
            d = duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (d == 0) {
            return "0s";
        }
        boolean neg = d < 0;
        // unsigned magnitude (Long.MIN_VALUE stays itself and is handled unsigned)
        long u = neg ? -d : d;
        StringBuilder sb = new StringBuilder();
        if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
            int prec;
            String unit;
            if (u < 1000L) {
                return (neg ? "-" : "") + u + "ns";
            } else if (u < 1_000_000L) {
                prec = 3;
                unit = "µs";
            } else {
                prec = 6;
                unit = "ms";
            }
            sb.append(fraction(u, prec)).append(unit);
        } else {
            long secsTotal = Long.divideUnsigned(u, 1_000_000_000L);
            long nanos = Long.remainderUnsigned(u, 1_000_000_000L);
            String frac = fractionPart(nanos, 9);
            long s = secsTotal % 60;
            long minutes = secsTotal / 60;
            String secPart = s + frac + "s";
            if (minutes > 0) {
                long m = minutes % 60;
                long h = minutes / 60;
                secPart = m + "m" + secPart;
                if (h > 0) {
                    secPart = h + "h" + secPart;
                }
            }
            sb.append(secPart);
        }
        return (neg ? "-" : "") + sb;
    }

    private static String fraction(long v, int prec) {
        long pow = 1;
        for (int i = 0; i < prec; i++) {
            pow *= 10;
        }
        return (v / pow) + fractionPart(v % pow, prec);
    }

    private static String fractionPart(long frac, int prec) {
        if (frac == 0) {
            return "";
        }
        String digits = String.format("%0" + prec + "d", frac);
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return "." + digits.substring(0, end);
    }

    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter GO_ZONE = DateTimeFormatter.ofPattern("xx");

    /** Go's {@code time.Time.String()}: {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
    public static String goTime(ZonedDateTime t) {
        StringBuilder sb = new StringBuilder(t.format(GO_TIME));
        sb.append(fractionPart(t.getNano(), 9));
        sb.append(' ').append(t.format(GO_ZONE)).append(' ');
        String zone = t.getZone().getId();
        if (zone.equals("Z") || zone.equals("UTC") || zone.equals("Etc/UTC")) {
            sb.append("UTC");
        } else {
            sb.append(t.format(DateTimeFormatter.ofPattern("zzz")));
        }
        return sb.toString();
    }
}
