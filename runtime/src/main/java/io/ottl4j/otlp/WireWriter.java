package io.ottl4j.otlp;

/**
 * Protobuf's wire primitives over one exactly sized array, for {@link TraceWireEncoder}. The encoder used
 * protobuf's {@code CodedOutputStream}, whose writers are virtual calls on an abstract class with several
 * implementations loaded: the small profile's C1 compiler cannot inline them, and they were ~37 % of the
 * exporting thread's samples there. These are final, small and branch-light, so both compilers inline them.
 * The bytes are protobuf's: unsigned varints for lengths, tags and uint32; 10-byte varints for negative
 * int32/enum values; little-endian fixed fields.
 */
final class WireWriter {
    private final byte[] buf;
    private int pos;

    WireWriter(byte[] buf) {
        this.buf = buf;
    }

    /**
     * Size of {@code v} as an unsigned varint (1-5 bytes). Compares instead of counting leading zeros: C1 (the
     * small profile's only compiler) calls {@code Integer.numberOfLeadingZeros} rather than inlining it, which made
     * sizing ~17 % of the exporting thread's samples there; the one-byte case, nearly every tag and length of a
     * scalar field, is the first branch. C2 compiles either form to about the same code.
     */
    static int varint32Size(int v) {
        if ((v & ~0x7F) == 0) {
            return 1;
        }
        if ((v & ~0x3FFF) == 0) {
            return 2;
        }
        if ((v & ~0x1FFFFF) == 0) {
            return 3;
        }
        return (v & ~0xFFFFFFF) == 0 ? 4 : 5;
    }

    /** Size of {@code v} as a varint (1-10 bytes; negative values take 10). */
    static int varint64Size(long v) {
        if ((v & ~0x7FL) == 0) {
            return 1;
        }
        if (v < 0) {
            return 10;
        }
        int n = 2;
        for (v >>>= 14; v != 0; v >>>= 7) {
            n++;
        }
        return n;
    }

    /** Size of an int32 or enum value: negative ones are sign-extended to 64 bits on the wire. */
    static int int32Size(int v) {
        return v >= 0 ? varint32Size(v) : 10;
    }

    static int tagSize(int field) {
        return varint32Size(field << 3);
    }

    void tag(int field, int wireType) {
        uint32(field << 3 | wireType);
    }

    void uint32(int v) {
        if ((v & ~0x7F) == 0) {
            buf[pos++] = (byte) v;
        } else {
            varint32(v);
        }
    }

    private void varint32(int v) {
        while ((v & ~0x7F) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    void uint64(long v) {
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) (((int) v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    void int32(int v) {
        if (v >= 0) {
            uint32(v);
        } else {
            uint64(v);
        }
    }

    void rawByte(int b) {
        buf[pos++] = (byte) b;
    }

    void fixed32(int v) {
        byte[] b = buf;
        int p = pos;
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) (v >>> 16);
        b[p + 3] = (byte) (v >>> 24);
        pos = p + 4;
    }

    void fixed64(long v) {
        fixed32((int) v);
        fixed32((int) (v >>> 32));
    }

    /** Eight bytes, most significant first (as trace and span ids are stored). */
    void bigEndian64(long v) {
        byte[] b = buf;
        int p = pos;
        for (int i = 0; i < 8; i++) {
            b[p + i] = (byte) (v >>> (56 - 8 * i));
        }
        pos = p + 8;
    }

    void bytes(byte[] b) {
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    /** The size pass and the write pass must agree: anything else is a bug in the encoder. */
    void checkFull() {
        if (pos != buf.length) {
            throw new IllegalStateException("encoder wrote " + pos + " bytes of " + buf.length);
        }
    }
}
