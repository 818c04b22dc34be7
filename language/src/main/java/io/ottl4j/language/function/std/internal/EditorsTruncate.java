package io.ottl4j.language.function.std.internal;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import io.ottl4j.pdata.AttributeMap;
import java.nio.charset.StandardCharsets;

/** {@code truncate_all}: byte-length truncation of string values, as Go slices strings. */
public final class EditorsTruncate {
    private EditorsTruncate() {
    }

    @TruffleBoundary
    public static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    @TruffleBoundary
    public static void truncateAll(AttributeMap m, long limit, boolean utf8Safe, String marker) {
        long markerLength = utf8Length(marker);
        for (int i = 0; i < m.size(); i++) {
            if (m.valueAt(i) instanceof String s && utf8Length(s) > limit) {
                m.setValueAt(i, truncate(s, (int) (limit - markerLength), utf8Safe) + marker);
            }
        }
    }

    /**
     * The first {@code at} bytes of the UTF-8 form; when UTF-8 safe, backs up to the start of the character
     * the cut would split. Unsafe cuts that split a character leave an invalid sequence, which a Java string
     * can only hold as U+FFFD.
     */
    private static String truncate(String s, int at, boolean utf8Safe) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int cut = at;
        if (utf8Safe) {
            while (cut > 0 && (b[cut] & 0xC0) == 0x80) {
                cut--;
            }
        }
        return new String(b, 0, cut, StandardCharsets.UTF_8);
    }
}
