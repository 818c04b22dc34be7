package io.ottl4j.collector.receiver.otlp.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;

/**
 * Request encodings Netty does not undo, as upstream's confighttp decodes them: {@code zstd} (frames),
 * {@code lz4} (the LZ4 frame format, as pierrec/lz4's reader), {@code x-snappy-framed} (the snappy framing
 * format) and {@code snappy}, which is the block format unless the body starts with the framing format's
 * stream identifier (upstream's backward-compatible detection). Output is bounded by
 * {@code max_request_body_size}: a bomb stops at the limit.
 */
final class BodyDecoders {
    static final Set<String> ENCODINGS = Set.of("zstd", "snappy", "x-snappy-framed", "lz4");

    /** The first 10 bytes of every snappy framed stream: a stream identifier chunk with "sNaPpY". */
    private static final byte[] SNAPPY_FRAMING_HEADER = {(byte) 0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59};

    /** Thrown when the decoded body would exceed the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("request body too large: the limit is " + limit + " bytes (max_request_body_size)");
        }
    }

    private BodyDecoders() {
    }

    static byte[] decode(String encoding, byte[] body, long limit) throws IOException {
        return switch (encoding) {
            case "zstd" -> readBounded(new com.github.luben.zstd.ZstdInputStream(new ByteArrayInputStream(body)), limit);
            case "lz4" -> readBounded(new net.jpountz.lz4.LZ4FrameInputStream(new ByteArrayInputStream(body)), limit);
            case "x-snappy-framed" -> readBounded(new org.xerial.snappy.SnappyFramedInputStream(new ByteArrayInputStream(body)), limit);
            case "snappy" -> isFramed(body) ? readBounded(new org.xerial.snappy.SnappyFramedInputStream(new ByteArrayInputStream(body)), limit)
                    : snappyBlock(body, limit);
            default -> throw new IOException("unsupported Content-Encoding: " + encoding);
        };
    }

    private static boolean isFramed(byte[] body) {
        return body.length >= SNAPPY_FRAMING_HEADER.length
                && Arrays.equals(body, 0, SNAPPY_FRAMING_HEADER.length, SNAPPY_FRAMING_HEADER, 0, SNAPPY_FRAMING_HEADER.length);
    }

    private static byte[] snappyBlock(byte[] body, long limit) throws IOException {
        if (!org.xerial.snappy.Snappy.isValidCompressedBuffer(body)) {
            throw new IOException("snappy: corrupt input");
        }
        int n = org.xerial.snappy.Snappy.uncompressedLength(body);
        if (n < 0 || n > limit) {
            throw new TooLarge(limit); // the block format states its decoded length up front
        }
        return org.xerial.snappy.Snappy.uncompress(body);
    }

    private static byte[] readBounded(InputStream in, long limit) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) {
                    throw new TooLarge(limit);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}
