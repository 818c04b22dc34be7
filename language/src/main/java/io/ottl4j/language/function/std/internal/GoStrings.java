package io.ottl4j.language.function.std.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Go string semantics the string converters rely on: Go strings are UTF-8 byte sequences, so lengths
 * and offsets are in bytes; case mapping is per code point (Go's simple case mapping, unlike Java's
 * locale-aware full mapping: Go keeps "ß" under ToUpper); and the word splitting of the
 * {@code github.com/iancoleman/strcase} library (v0.3.0) that upstream uses for snake and camel case.
 */
public final class GoStrings {
    private GoStrings() {
    }

    /** The UTF-8 length of a string, without encoding it. */
    public static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                // a BMP character, or a lone surrogate (Go would hold U+FFFD: also 3 bytes)
                n += 3;
            }
        }
        return n;
    }

    /** Go's {@code strings.ToLower}: each code point through the simple lower-case mapping. */
    public static String toLower(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return asciiLower(s);
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(Character.toLowerCase(cp)));
        return sb.toString();
    }

    /** Go's {@code strings.ToUpper}: each code point through the simple upper-case mapping. */
    public static String toUpper(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(Character.toUpperCase(cp)));
        return sb.toString();
    }

    private static String asciiLower(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = (char) (c + ('a' - 'A'));
            }
        }
        return out == null ? s : new String(out);
    }

    /** Go's {@code strings.Split}: an empty separator splits after each UTF-8 sequence. */
    public static List<Object> split(String s, String sep) {
        List<Object> out = new ArrayList<>();
        if (sep.isEmpty()) {
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                int n = Character.charCount(cp);
                out.add(s.substring(i, i + n));
                i += n;
            }
            return out;
        }
        int start = 0;
        int at;
        while ((at = s.indexOf(sep, start)) >= 0) {
            out.add(s.substring(start, at));
            start = at + sep.length();
        }
        out.add(s.substring(start));
        return out;
    }

    /** Go's {@code strings.SplitN} with a non-empty separator: at most n parts, the last holding the rest (n < 0: all). */
    public static String[] splitN(String s, String sep, int n) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (n < 0 || out.size() < n - 1) {
            int at = s.indexOf(sep, from);
            if (at < 0) {
                break;
            }
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out.toArray(new String[0]);
    }

    /** Go's {@code strings.Trim}: removes leading and trailing code points found in the cutset. */
    public static String trim(String s, String cutset) {
        if (s.isEmpty() || cutset.isEmpty()) {
            return s;
        }
        int start = 0;
        int end = s.length();
        while (start < end) {
            int cp = s.codePointAt(start);
            if (cutset.indexOf(cp) < 0) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (cutset.indexOf(cp) < 0) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(start, end);
    }

    /** Go's {@code strings.TrimSpace}, as strcase applies it first. */
    static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isGoSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isGoSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isGoSpace(char c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    // ------------------------------------------------------------------ strcase v0.3.0

    /**
     * strcase {@code ToSnake}: works on UTF-8 bytes; ASCII letters are lower-cased; a delimiter goes
     * between a lower-case letter or digit and a following upper-case letter, between letters and
     * digits, and before the last capital of an acronym that starts a word ({@code JSONData} →
     * {@code json_data}); spaces, '_', '-' and '.' become '_'. Non-ASCII bytes pass through.
     */
    public static String toSnake(String str) {
        byte[] s = trimSpace(str).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream n = new java.io.ByteArrayOutputStream(s.length + 2);
        for (int i = 0; i < s.length; i++) {
            int v = s[i] & 0xff;
            boolean vIsCap = v >= 'A' && v <= 'Z';
            boolean vIsLow = v >= 'a' && v <= 'z';
            if (vIsCap) {
                v += 'a' - 'A';
            }
            if (i + 1 < s.length) {
                int next = s[i + 1] & 0xff;
                boolean vIsNum = v >= '0' && v <= '9';
                boolean nextIsCap = next >= 'A' && next <= 'Z';
                boolean nextIsLow = next >= 'a' && next <= 'z';
                boolean nextIsNum = next >= '0' && next <= '9';
                if ((vIsCap && (nextIsLow || nextIsNum)) || (vIsLow && (nextIsCap || nextIsNum))
                        || (vIsNum && (nextIsCap || nextIsLow))) {
                    if (vIsCap && nextIsLow && i > 0 && s[i - 1] >= 'A' && s[i - 1] <= 'Z') {
                        n.write('_');
                    }
                    n.write(v);
                    if (vIsLow || vIsNum || nextIsNum) {
                        n.write('_');
                    }
                    continue;
                }
            }
            if (v == ' ' || v == '_' || v == '-' || v == '.') {
                n.write('_');
            } else {
                n.write(v);
            }
        }
        return n.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * strcase {@code ToCamel}: works on UTF-8 bytes; the first letter and every letter after a digit or
     * after ' ', '_', '-', '.' is upper-cased, a capital following a capital is lower-cased
     * ({@code ID} → {@code Id}), and every byte that is not an ASCII letter or digit is dropped.
     */
    public static String toCamel(String str) {
        String t = trimSpace(str);
        if (t.isEmpty()) {
            return t;
        }
        byte[] s = t.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder n = new StringBuilder(s.length);
        boolean capNext = true;
        boolean prevIsCap = false;
        for (int i = 0; i < s.length; i++) {
            int v = s[i] & 0xff;
            boolean vIsCap = v >= 'A' && v <= 'Z';
            boolean vIsLow = v >= 'a' && v <= 'z';
            if (capNext) {
                if (vIsLow) {
                    v -= 'a' - 'A';
                }
            } else if (i == 0) {
                if (vIsCap) {
                    v += 'a' - 'A';
                }
            } else if (prevIsCap && vIsCap) {
                v += 'a' - 'A';
            }
            prevIsCap = vIsCap;
            if (vIsCap || vIsLow) {
                n.append((char) v);
                capNext = false;
            } else if (v >= '0' && v <= '9') {
                n.append((char) v);
                capNext = true;
            } else {
                capNext = v == '_' || v == ' ' || v == '-' || v == '.';
            }
        }
        return n.toString();
    }
}
