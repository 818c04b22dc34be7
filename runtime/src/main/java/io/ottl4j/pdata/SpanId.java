package io.ottl4j.pdata;

/** An 8-byte span id, immutable; all zeros is the empty id. */
public final class SpanId {
    public static final int SIZE = 8;
    public static final SpanId EMPTY = new SpanId(0);

    private final long value;

    private SpanId(long value) {
        this.value = value;
    }

    /** The id whose big-endian bytes are {@code value}. */
    public static SpanId of(long value) {
        return value == 0 ? EMPTY : new SpanId(value);
    }

    /** Copies 8 bytes; another length → {@link IllegalArgumentException}. */
    public static SpanId fromBytes(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("span id must be " + SIZE + " bytes, got " + bytes.length);
        }
        return of(Ids.readLong(bytes, 0));
    }

    /**
     * Parses 16 hex characters, case-insensitive; {@code ""} is the empty id.
     *
     * @throws IllegalArgumentException for another length or a non-hex character
     */
    public static SpanId fromHex(CharSequence hex) {
        if (hex.isEmpty()) {
            return EMPTY;
        }
        Ids.checkHex(hex, SIZE * 2, "span id");
        return of(Ids.parseHexLong(hex, 0));
    }

    /** The 8 bytes as a big-endian long. */
    public long value() {
        return value;
    }

    /** A new array of the 8 bytes. */
    public byte[] bytes() {
        byte[] b = new byte[SIZE];
        Ids.writeLong(b, 0, value);
        return b;
    }

    /** 16 lowercase hex characters. */
    public String toHex() {
        return Ids.hex(value);
    }

    public boolean isEmpty() {
        return value == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpanId s && s.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    /** The hex form. */
    @Override
    public String toString() {
        return toHex();
    }
}
