package io.ottl4j.collector.exporter.otlphttp;

import io.ottl4j.collector.config.Conf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Request body compression of upstream's confighttp client: {@code compression} is one of its types (the
 * {@code Content-Encoding} sent is the type's name) and {@code compression_params.level} is checked as upstream
 * checks it. Bodies are written as upstream's compressors write them: {@code zlib} and {@code deflate} are both the
 * zlib format (Go's compress/zlib), {@code snappy} the block format, {@code x-snappy-framed} the framing format,
 * {@code lz4} the LZ4 frame format and {@code zstd} one frame.
 */
record HttpCompression(String type, int level) {
    static final List<String> TYPES = List.of("gzip", "zlib", "deflate", "snappy", "x-snappy-framed", "zstd", "lz4", "none", "");
    private static final int DEFAULT = -1; // zlib.DefaultCompression
    private static final int HUFFMAN_ONLY = -2;

    static HttpCompression decode(Conf c) {
        String type = c.string("compression", "gzip");
        Conf params = c.child("compression_params");
        int level = params.intValue("level", 0);
        params.finish();
        if (!TYPES.contains(type)) {
            c.error("compression", "unsupported compression type \"" + type + "\"");
            return new HttpCompression("none", 0);
        }
        boolean zlibFamily = type.equals("gzip") || type.equals("zlib") || type.equals("deflate");
        boolean ok = level == 0 || type.equals("zstd")
                || zlibFamily && (level == DEFAULT || level == HUFFMAN_ONLY || level >= 1 && level <= 9);
        if (!ok) {
            c.error("compression_params", "unsupported parameters {Level:" + level + "} for compression type \"" + type + "\"");
        }
        return new HttpCompression(type, level);
    }

    boolean compressed() {
        return !type.equals("none") && !type.isEmpty();
    }

    byte[] encode(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 2));
        switch (type) {
            case "gzip" -> {
                // level 0 is "unset": upstream's client then uses the default level
                try (OutputStream z = new GZIPOutputStream(out) {
                    {
                        def.setLevel(zlibLevel());
                        if (level == HUFFMAN_ONLY) {
                            def.setStrategy(Deflater.HUFFMAN_ONLY);
                        }
                    }
                }) {
                    z.write(body);
                }
            }
            case "zlib", "deflate" -> {
                Deflater d = new Deflater(zlibLevel());
                if (level == HUFFMAN_ONLY) {
                    d.setStrategy(Deflater.HUFFMAN_ONLY);
                }
                try (OutputStream z = new DeflaterOutputStream(out, d)) {
                    z.write(body);
                } finally {
                    d.end();
                }
            }
            case "zstd" -> {
                // upstream maps the number onto its encoder's four speeds; here zstd's own scale (1..22), unset or
                // negative being zstd's default (3)
                try (OutputStream z = new com.github.luben.zstd.ZstdOutputStream(out, level <= 0 ? 3 : Math.min(level, 22))) {
                    z.write(body);
                }
            }
            case "snappy" -> out.write(org.xerial.snappy.Snappy.compress(body));
            case "x-snappy-framed" -> {
                try (OutputStream z = new org.xerial.snappy.SnappyFramedOutputStream(out)) {
                    z.write(body);
                }
            }
            case "lz4" -> {
                try (OutputStream z = new net.jpountz.lz4.LZ4FrameOutputStream(out)) {
                    z.write(body);
                }
            }
            default -> {
                return body;
            }
        }
        return out.toByteArray();
    }

    private int zlibLevel() {
        return level == 0 || level == HUFFMAN_ONLY ? Deflater.DEFAULT_COMPRESSION : level;
    }
}
