package io.ottl4j.collector.internal;

import io.grpc.Codec;
import io.grpc.CompressorRegistry;
import io.grpc.DecompressorRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The gRPC message encodings of upstream's configgrpc beside grpc-java's gzip: {@code zstd} (one zstd stream per
 * message) and {@code snappy} (the snappy framing format, as golang/snappy's buffered writer and reader). Clients pick
 * one with {@code compression}; servers accept all three, so an upstream agent exporting with {@code compression: zstd}
 * or {@code snappy} can send to an ottl4j receiver.
 */
public final class GrpcCompression {
    /** The {@code compression} values of an upstream gRPC client. */
    public static final List<String> CLIENT_TYPES = List.of("gzip", "zstd", "snappy", "none", "");

    private static final Codec ZSTD = new Codec() {
        @Override
        public String getMessageEncoding() {
            return "zstd";
        }

        @Override
        public OutputStream compress(OutputStream os) throws IOException {
            return new com.github.luben.zstd.ZstdOutputStream(os);
        }

        @Override
        public InputStream decompress(InputStream is) throws IOException {
            return new com.github.luben.zstd.ZstdInputStream(is);
        }
    };

    private static final Codec SNAPPY = new Codec() {
        @Override
        public String getMessageEncoding() {
            return "snappy";
        }

        @Override
        public OutputStream compress(OutputStream os) throws IOException {
            return new org.xerial.snappy.SnappyFramedOutputStream(os);
        }

        @Override
        public InputStream decompress(InputStream is) throws IOException {
            return new org.xerial.snappy.SnappyFramedInputStream(is);
        }
    };

    private static final CompressorRegistry COMPRESSORS = CompressorRegistry.newEmptyInstance();
    private static final DecompressorRegistry DECOMPRESSORS = DecompressorRegistry.getDefaultInstance().with(ZSTD, true).with(SNAPPY, true);

    static {
        COMPRESSORS.register(new Codec.Gzip());
        COMPRESSORS.register(Codec.Identity.NONE);
        COMPRESSORS.register(ZSTD);
        COMPRESSORS.register(SNAPPY);
    }

    private GrpcCompression() {
    }

    /** For channels: gzip, zstd and snappy by name (CallOptions.withCompression). */
    public static CompressorRegistry compressors() {
        return COMPRESSORS;
    }

    /** For servers: identity, gzip, zstd and snappy, all advertised in grpc-accept-encoding. */
    public static DecompressorRegistry decompressors() {
        return DECOMPRESSORS;
    }
}
