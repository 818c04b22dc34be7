package io.ottl4j.pdata;

import java.util.Arrays;
import java.util.Base64;

/**
 * Renders stored values as Go's {@code encoding/json} renders their {@code AsRaw()} form, which is what
 * pdata's {@code Value.AsString()} returns for maps and slices: compact, map keys sorted (byte order of
 * their UTF-8, i.e. code point order), HTML characters not escaped, bytes as standard base64 (empty bytes
 * are {@code null}: Go's copy of an empty slice is nil), empty values as {@code null}.
 */
final class GoJson {
    private GoJson() {}

    /** Thrown when Go would fail the whole encoding (a NaN or infinite double anywhere inside). */
    static final class Unencodable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unencodable() {
            super(null, null, false, false);
        }
    }

    /**
     * @param sortKeys Go order (sorted) or insertion order (for {@code toString})
     * @param strict   Go behaviour for non-finite doubles (throw {@link Unencodable}); otherwise they are
     *                 written as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}
     */
    static void append(StringBuilder sb, Object v, boolean sortKeys, boolean strict) {
        if (v instanceof String s) {
            appendString(sb, s);
        } else if (v instanceof Long l) {
            sb.append(l.longValue());
        } else if (v instanceof Double d) {
            double x = d;
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                if (strict) {
                    throw new Unencodable();
                }
                sb.append('"');
                GoFloat.appendJson(sb, x);
                sb.append('"');
            } else {
                GoFloat.appendJson(sb, x);
            }
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (v instanceof byte[] bytes) {
            if (bytes.length == 0) {
                sb.append("null");
            } else {
                sb.append('"').append(Base64.getEncoder().encodeToString(bytes)).append('"');
            }
        } else if (v instanceof AttributeMap m) {
            appendMap(sb, m, sortKeys, strict);
        } else if (v instanceof AttributeList l) {
            sb.append('[');
            for (int i = 0, n = l.size(); i < n; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                append(sb, l.get(i), sortKeys, strict);
            }
            sb.append(']');
        } else {
            sb.append("null"); // AnyValue.EMPTY
        }
    }

    private static void appendMap(StringBuilder sb, AttributeMap m, boolean sortKeys, boolean strict) {
        int n = m.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (sortKeys && n > 1) {
            Arrays.sort(order, (a, b) -> compareCodePoints(m.keyAt(a), m.keyAt(b)));
        }
        sb.append('{');
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (k > 0) {
                sb.append(',');
            }
            appendString(sb, m.keyAt(i));
            sb.append(':');
            append(sb, m.valueAt(i), sortKeys, strict);
        }
        sb.append('}');
    }

    /** Go compares map keys as UTF-8 bytes, which orders like code points (not like UTF-16 units). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Go's string escaping with HTML escaping off (Go ≥ 1.22 writes \b and \f short). */
    static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\u2028', '\u2029' -> unicodeEscape(sb, c);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(sb, c);
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                            sb.append(c).append(s.charAt(++i));
                        } else {
                            sb.append("\\ufffd"); // Go replaces invalid UTF-8 the same way
                        }
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static void unicodeEscape(StringBuilder sb, char c) {
        sb.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
    }
}
