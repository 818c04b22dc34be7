package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.IntGetter;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.std.internal.HashAlgorithms;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;

/** Hash converters: digests and non-cryptographic hashes of a string's UTF-8 bytes, and Community ID. */
public final class HashConverters {
    private HashConverters() {
    }

    private static final HexFormat HEX = HexFormat.of();

    /** A converter hashing one string argument into a string. */
    abstract static class StringHash extends ConverterNode {
        @Child private StringGetter target;
        private final Function<byte[], Object> hash;

        StringHash(StringGetter target, Function<byte[], Object> hash) {
            this.target = target;
            this.hash = hash;
        }

        @Override
        public final Object executeGeneric(VirtualFrame frame) {
            return hashBoundary(target.get(frame));
        }

        @TruffleBoundary
        private Object hashBoundary(String value) {
            return hash.apply(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String digest(String algorithm, byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    @OttlFunction(name = "SHA1", kind = OttlFunction.Kind.CONVERTER,
            doc = "The SHA-1 digest of a string, as lowercase hex.", example = "SHA1(attributes[\"user.email\"])")
    public static final class SHA1Converter extends StringHash {
        public SHA1Converter(@Param("target") StringGetter target) {
            super(target, bytes -> digest("SHA-1", bytes));
        }
    }

    @OttlFunction(name = "SHA256", kind = OttlFunction.Kind.CONVERTER,
            doc = "The SHA-256 digest of a string, as lowercase hex.", example = "SHA256(attributes[\"user.email\"])")
    public static final class SHA256Converter extends StringHash {
        public SHA256Converter(@Param("target") StringGetter target) {
            super(target, bytes -> digest("SHA-256", bytes));
        }
    }

    @OttlFunction(name = "SHA512", kind = OttlFunction.Kind.CONVERTER,
            doc = "The SHA-512 digest of a string, as lowercase hex.", example = "SHA512(attributes[\"user.email\"])")
    public static final class SHA512Converter extends StringHash {
        public SHA512Converter(@Param("target") StringGetter target) {
            super(target, bytes -> digest("SHA-512", bytes));
        }
    }

    @OttlFunction(name = "MD5", kind = OttlFunction.Kind.CONVERTER,
            doc = "The MD5 digest of a string, as lowercase hex.", example = "MD5(attributes[\"user.email\"])")
    public static final class MD5Converter extends StringHash {
        public MD5Converter(@Param("target") StringGetter target) {
            super(target, bytes -> digest("MD5", bytes));
        }
    }

    @OttlFunction(name = "FNV", kind = OttlFunction.Kind.CONVERTER,
            doc = "The 64-bit FNV-1a hash of a string, as an int (the uint64 reinterpreted); an empty string gives an empty string.",
            example = "FNV(attributes[\"user.id\"])")
    public static final class FNVConverter extends StringHash {
        public FNVConverter(@Param("target") StringGetter target) {
            super(target, bytes -> {
                if (bytes.length == 0) {
                    return ""; // upstream returns the empty string itself
                }
                return HashAlgorithms.fnv1a64(bytes);
            });
        }
    }

    @OttlFunction(name = "Murmur3Hash", kind = OttlFunction.Kind.CONVERTER,
            doc = "The 32-bit MurmurHash3 (x86, seed 0) of a string, as 8 hex characters of its little-endian bytes.",
            example = "Murmur3Hash(attributes[\"order.id\"])")
    public static final class Murmur3HashConverter extends StringHash {
        public Murmur3HashConverter(@Param("target") StringGetter target) {
            super(target, bytes -> {
                int h = HashAlgorithms.murmur3x86x32(bytes);
                return HEX.formatHex(ByteBuffer.allocate(4).putInt(Integer.reverseBytes(h)).array());
            });
        }
    }

    @OttlFunction(name = "Murmur3Hash128", kind = OttlFunction.Kind.CONVERTER,
            doc = "The 128-bit MurmurHash3 (x64, seed 0) of a string, as 32 hex characters: each 64-bit half little-endian.",
            example = "Murmur3Hash128(attributes[\"order.id\"])")
    public static final class Murmur3Hash128Converter extends StringHash {
        public Murmur3Hash128Converter(@Param("target") StringGetter target) {
            super(target, bytes -> {
                long[] h = HashAlgorithms.murmur3x64x128(bytes);
                return HEX.formatHex(ByteBuffer.allocate(16).putLong(Long.reverseBytes(h[0])).putLong(Long.reverseBytes(h[1])).array());
            });
        }
    }

    @OttlFunction(name = "XXH3", kind = OttlFunction.Kind.CONVERTER,
            doc = "The 64-bit XXH3 hash of a string, as 16 hex characters (big-endian).",
            example = "XXH3(attributes[\"order.id\"])")
    public static final class XXH3Converter extends StringHash {
        public XXH3Converter(@Param("target") StringGetter target) {
            super(target, bytes -> String.format("%016x", HashAlgorithms.xxh3(bytes)));
        }
    }

    @OttlFunction(name = "XXH128", kind = OttlFunction.Kind.CONVERTER,
            doc = "The 128-bit XXH3 hash of a string, as 32 hex characters (big-endian, high half first).",
            example = "XXH128(attributes[\"order.id\"])")
    public static final class XXH128Converter extends StringHash {
        public XXH128Converter(@Param("target") StringGetter target) {
            super(target, bytes -> {
                long[] h = HashAlgorithms.xxh128(bytes);
                return String.format("%016x%016x", h[1], h[0]);
            });
        }
    }

    // ------------------------------------------------------------------ Community ID

    private static final Map<String, Integer> PROTOCOLS = Map.of(
            "ICMP", 1, "TCP", 6, "UDP", 17, "RSVP", 46, "ICMP6", 58, "SCTP", 132);

    @OttlFunction(name = "CommunityID", kind = OttlFunction.Kind.CONVERTER,
            doc = "The Community ID (v1) flow hash of a network 5-tuple: \"1:\" and the base64 SHA-1 of the normalized "
                    + "tuple. protocol: ICMP, TCP (default), UDP, RSVP, ICMP6 or SCTP; seed: 0 to 65535 (default 0).",
            example = "CommunityID(attributes[\"source.ip\"], attributes[\"source.port\"], attributes[\"destination.ip\"], "
                    + "attributes[\"destination.port\"], \"TCP\")")
    public static final class CommunityIDConverter extends ConverterNode {
        @Child private StringGetter sourceIp;
        @Child private IntGetter sourcePort;
        @Child private StringGetter destinationIp;
        @Child private IntGetter destinationPort;
        @Child private StringGetter protocol;
        @Child private IntGetter seed;

        public CommunityIDConverter(@Param("source_ip") StringGetter sourceIp, @Param("source_port") IntGetter sourcePort,
                @Param("destination_ip") StringGetter destinationIp, @Param("destination_port") IntGetter destinationPort,
                @Param(value = "protocol", optional = true, defaultValue = "TCP") StringGetter protocol,
                @Param(value = "seed", optional = true, defaultValue = "0") IntGetter seed) {
            this.sourceIp = sourceIp;
            this.sourcePort = sourcePort;
            this.destinationIp = destinationIp;
            this.destinationPort = destinationPort;
            this.protocol = protocol;
            this.seed = seed;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            // upstream's evaluation order: both addresses, then the ports, then protocol and seed
            String src = sourceIp.get(frame);
            String dst = destinationIp.get(frame);
            long srcPort = sourcePort.get(frame);
            checkPort("source", srcPort, this);
            long dstPort = destinationPort.get(frame);
            checkPort("destination", dstPort, this);
            String proto = protocol == null ? "TCP" : protocol.get(frame);
            int protoNumber = protocolNumber(proto, this);
            byte[] srcIp = parseIp(src, "source", this);
            byte[] dstIp = parseIp(dst, "destination", this);
            long seedValue = seed == null ? 0 : seed.get(frame);
            if (seedValue < 0 || seedValue > 65535) {
                throw new OttlRuntimeException("CommunityID: seed must be between 0 and 65535, got " + seedValue, this);
            }
            return flow(srcIp, (int) srcPort, dstIp, (int) dstPort, protoNumber, (int) seedValue);
        }

        private static void checkPort(String which, long port, Node at) {
            if (port < 1 || port > 65535) {
                throw new OttlRuntimeException("CommunityID: " + which + " port must be between 1 and 65535, got " + port, at);
            }
        }

        @TruffleBoundary
        private static int protocolNumber(String proto, Node at) {
            Integer n = PROTOCOLS.get(proto);
            if (n == null) {
                throw new OttlRuntimeException("CommunityID: unsupported protocol: " + proto, at);
            }
            return n;
        }

        @TruffleBoundary
        private static byte[] parseIp(String s, String which, Node at) {
            byte[] ip = HashAlgorithms.parseGoIp(s);
            if (ip == null) {
                throw new OttlRuntimeException("CommunityID: invalid " + which + " IP: " + s, at);
            }
            return ip;
        }

        /** Orders the endpoints (smaller address, then smaller port, first) and hashes the tuple. */
        @TruffleBoundary
        private static String flow(byte[] srcIp, int srcPort, byte[] dstIp, int dstPort, int proto, int seed) {
            boolean swap;
            if (srcIp.length != dstIp.length) {
                swap = srcIp.length > dstIp.length;
            } else {
                int cmp = java.util.Arrays.compareUnsigned(srcIp, dstIp);
                swap = cmp > 0 || (cmp == 0 && srcPort > dstPort);
            }
            if (swap) {
                byte[] ip = srcIp;
                srcIp = dstIp;
                dstIp = ip;
                int port = srcPort;
                srcPort = dstPort;
                dstPort = port;
            }
            ByteBuffer tuple = ByteBuffer.allocate(2 + srcIp.length + dstIp.length + 2 + 4);
            tuple.putShort((short) seed).put(srcIp).put(dstIp).put((byte) proto).put((byte) 0)
                    .putShort((short) srcPort).putShort((short) dstPort);
            try {
                byte[] sha = MessageDigest.getInstance("SHA-1").digest(tuple.array());
                return "1:" + Base64.getEncoder().encodeToString(sha);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

}
