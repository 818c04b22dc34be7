package io.ottl4j.pdata;

/** A 16-byte trace id, immutable; all zeros is the empty id. Held as two longs so equality and hashing are cheap. */
public final class TraceId {
    public static final int SIZE = 16;
    public static final TraceId EMPTY = new TraceId(0, 0);

    private final long high;
    private final long low;

    private TraceId(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /** The id whose big-endian bytes are {@code high} then {@code low}. */
    public static TraceId of(long high, long low) {
        return high == 0 && low == 0 ? EMPTY : new TraceId(high, low);
    }

    /** Copies 16 bytes; another length → {@link IllegalArgumentException}. */
    public static TraceId fromBytes(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("trace id must be " + SIZE + " bytes, got " + bytes.length);
        }
        return of(Ids.readLong(bytes, 0), Ids.readLong(bytes, 8));
    }

    /**
     * Parses 32 hex characters, case-insensitive; {@code ""} is the empty id.
     *
     * @throws IllegalArgumentException for another length or a non-hex character
     */
    public static TraceId fromHex(CharSequence hex) {
        if (hex.isEmpty()) {
            return EMPTY;
        }
        Ids.checkHex(hex, SIZE * 2, "trace id");
        return of(Ids.parseHexLong(hex, 0), Ids.parseHexLong(hex, 16));
    }

    public long high() {
        return high;
    }

    public long low() {
        return low;
    }

    /** A new array of the 16 bytes. */
    public byte[] bytes() {
        byte[] b = new byte[SIZE];
        Ids.writeLong(b, 0, high);
        Ids.writeLong(b, 8, low);
        return b;
    }

    /** 32 lowercase hex characters. */
    public String toHex() {
        return Ids.hex(high) + Ids.hex(low);
    }

    public boolean isEmpty() {
        return high == 0 && low == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceId t && t.high == high && t.low == low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high) * 31 + Long.hashCode(low);
    }

    /** The hex form. */
    @Override
    public String toString() {
        return toHex();
    }
}
