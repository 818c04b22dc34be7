package io.ottl4j.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written primitives against protobuf's own, on edge and random values. */
class WireWriterTest {
    private static final int[] INTS = {0, 1, 127, 128, 16383, 16384, (1 << 21) - 1, 1 << 21, (1 << 28) - 1, 1 << 28,
        Integer.MAX_VALUE, -1, -128, Integer.MIN_VALUE};
    private static final long[] LONGS = {0, 1, 127, 128, 1L << 35, (1L << 56) - 1, 1L << 56, (1L << 63) - 1, Long.MAX_VALUE,
        -1, Long.MIN_VALUE, -4711};

    @Test
    void sizesAreProtobufs() {
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            int v = i < INTS.length ? INTS[i] : r.nextInt() >>> r.nextInt(32);
            assertThat(WireWriter.varint32Size(v)).as("uint32 %d", v).isEqualTo(CodedOutputStream.computeUInt32SizeNoTag(v));
            assertThat(WireWriter.int32Size(v)).as("enum %d", v).isEqualTo(CodedOutputStream.computeEnumSizeNoTag(v));
            long l = i < LONGS.length ? LONGS[i] : r.nextLong() >>> r.nextInt(64);
            assertThat(WireWriter.varint64Size(l)).as("int64 %d", l).isEqualTo(CodedOutputStream.computeInt64SizeNoTag(l));
        }
        for (int bit = 0; bit < 64; bit++) { // every size boundary, both sides
            for (long l : new long[] {1L << bit, (1L << bit) - 1, (1L << bit) + 1}) {
                assertThat(WireWriter.varint64Size(l)).as("int64 %d", l).isEqualTo(CodedOutputStream.computeInt64SizeNoTag(l));
                assertThat(WireWriter.varint32Size((int) l)).as("uint32 %d", (int) l)
                    .isEqualTo(CodedOutputStream.computeUInt32SizeNoTag((int) l));
            }
        }
        for (int field = 1; field < 1 << 20; field = field * 3 + 1) {
            assertThat(WireWriter.tagSize(field)).isEqualTo(CodedOutputStream.computeTagSize(field));
        }
    }

    @Test
    void bytesAreProtobufs() throws IOException {
        Random r = new Random(11);
        for (int i = 0; i < 500; i++) {
            int v = i < INTS.length ? INTS[i] : r.nextInt() >>> r.nextInt(32);
            long l = i < LONGS.length ? LONGS[i] : r.nextLong() >>> r.nextInt(64);
            int field = 1 + r.nextInt(1 << 12);
            byte[] raw = new byte[r.nextInt(4)];
            r.nextBytes(raw);
            double d = r.nextGaussian();

            byte[] expected = new byte[CodedOutputStream.computeUInt32Size(field, v) + CodedOutputStream.computeEnumSize(field, v)
                    + CodedOutputStream.computeInt64Size(field, l) + CodedOutputStream.computeFixed32Size(field, v)
                    + CodedOutputStream.computeFixed64Size(field, l) + CodedOutputStream.computeDoubleSize(field, d)
                    + CodedOutputStream.computeByteArraySize(field, raw) + 1];
            CodedOutputStream out = CodedOutputStream.newInstance(expected);
            out.writeUInt32(field, v);
            out.writeEnum(field, v);
            out.writeInt64(field, l);
            out.writeFixed32(field, v);
            out.writeFixed64(field, l);
            out.writeDouble(field, d);
            out.writeByteArray(field, raw);
            out.writeRawByte((byte) 1);
            out.checkNoSpaceLeft();

            byte[] actual = new byte[expected.length];
            WireWriter w = new WireWriter(actual);
            w.tag(field, 0);
            w.uint32(v);
            w.tag(field, 0);
            w.int32(v);
            w.tag(field, 0);
            w.uint64(l);
            w.tag(field, 5);
            w.fixed32(v);
            w.tag(field, 1);
            w.fixed64(l);
            w.tag(field, 1);
            w.fixed64(Double.doubleToRawLongBits(d));
            w.tag(field, 2);
            w.uint32(raw.length);
            w.bytes(raw);
            w.rawByte(1);
            w.checkFull();
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void idsAreBigEndianAndAShortWriteIsCaught() {
        byte[] b = new byte[9];
        WireWriter w = new WireWriter(b);
        w.bigEndian64(0x0102030405060708L);
        assertThat(b).startsWith(1, 2, 3, 4, 5, 6, 7, 8);
        assertThatThrownBy(w::checkFull).isInstanceOf(IllegalStateException.class).hasMessageContaining("8 bytes of 9");
    }
}
