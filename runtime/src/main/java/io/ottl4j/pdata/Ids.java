package io.ottl4j.pdata;

import java.util.HexFormat;

/** Byte and hex plumbing shared by {@link TraceId} and {@link SpanId}. */
final class Ids {
    private Ids() {}

    private static final HexFormat HEX = HexFormat.of();

    static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    static void writeLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }

    static String hex(long v) {
        return HEX.toHexDigits(v);
    }

    static void checkHex(CharSequence s, int expectedLength, String what) {
        if (s.length() != expectedLength) {
            throw new IllegalArgumentException(what + " must be " + expectedLength + " hex characters, got "
                    + s.length() + ": \"" + abbreviate(s) + "\"");
        }
        for (int i = 0; i < expectedLength; i++) {
            if (!HexFormat.isHexDigit(s.charAt(i))) {
                throw new IllegalArgumentException("invalid hex character '" + s.charAt(i) + "' at position " + i
                        + " in " + what + " \"" + abbreviate(s) + "\"");
            }
        }
    }

    static long parseHexLong(CharSequence s, int from) {
        return HexFormat.fromHexDigitsToLong(s, from, from + 16);
    }

    private static String abbreviate(CharSequence s) {
        return s.length() <= 64 ? s.toString() : s.subSequence(0, 61) + "...";
    }
}
