package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.Baseline;
import io.ottl4j.language.function.ByteSliceLikeGetter;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.Values;
import io.ottl4j.language.function.std.internal.ProfileIdValue;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.TraceId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;

/**
 * Id converters: trace, span and profile ids from raw bytes of the id's length or from hex text of twice
 * that length (a literal is converted, and checked, when the statement is compiled), and random UUIDs.
 */
public final class IdConverters {
    private IdConverters() {
    }

    /** Upstream's newIDExprFunc: bytes of the id's length, or hex of twice that length, become the id. */
    abstract static class IdConverter extends ConverterNode {
        @Child private ByteSliceLikeGetter target;
        private final String function;
        private final int length;
        /** Makes the id from exactly {@code length} bytes. */
        private final Function<byte[], Object> make;
        /** The id of a literal argument, made once; null when the argument is an expression. */
        private final Object literal;

        IdConverter(ByteSliceLikeGetter target, String function, int length, Function<byte[], Object> make) {
            this.target = target;
            this.function = function;
            this.length = length;
            this.make = make;
            if (target.isLiteral()) {
                try {
                    this.literal = toId(Values.byteSliceLike(target.literalValue(), null));
                } catch (IllegalArgumentException e) {
                    throw new OttlArgumentException("target", e.getMessage());
                }
            } else {
                this.literal = null;
            }
        }

        @Override
        public final Object executeGeneric(VirtualFrame frame) {
            if (literal != null) {
                return literal;
            }
            return convert(target.get(frame));
        }

        @TruffleBoundary
        private Object convert(byte[] b) {
            try {
                return toId(b);
            } catch (IllegalArgumentException e) {
                throw new OttlRuntimeException(e.getMessage(), this);
            }
        }

        private Object toId(byte[] b) {
            int n = b == null ? 0 : b.length;
            if (n == length) {
                return make.apply(b.clone());
            }
            if (n == 2 * length) {
                try {
                    return make.apply(HexFormat.of().parseHex(new String(b, StandardCharsets.ISO_8859_1)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(function + ": could not decode ID: invalid hex: " + e.getMessage());
                }
            }
            throw new IllegalArgumentException(function + ": could not decode ID: invalid length: expected " + length + " or "
                    + 2 * length + " bytes, got " + n);
        }
    }

    @OttlFunction(name = "TraceID", kind = OttlFunction.Kind.CONVERTER,
            doc = "A trace id from 16 bytes or from 32 hex digits (a string or bytes).",
            example = "TraceID(0x0102030405060708090a0b0c0d0e0f10)")
    public static final class TraceIDConverter extends IdConverter {
        public TraceIDConverter(@Param("target") @Baseline(value = byte[].class, name = "bytes") ByteSliceLikeGetter target) {
            super(target, "TraceID", 16, TraceId::fromBytes);
        }
    }

    @OttlFunction(name = "SpanID", kind = OttlFunction.Kind.CONVERTER,
            doc = "A span id from 8 bytes or from 16 hex digits (a string or bytes).", example = "SpanID(0x0102030405060708)")
    public static final class SpanIDConverter extends IdConverter {
        public SpanIDConverter(@Param("target") @Baseline(value = byte[].class, name = "bytes") ByteSliceLikeGetter target) {
            super(target, "SpanID", 8, SpanId::fromBytes);
        }
    }

    @OttlFunction(name = "ProfileID", kind = OttlFunction.Kind.CONVERTER,
            doc = "A profile id from 16 bytes or from 32 hex digits (a string or bytes).",
            example = "ProfileID(0x0102030405060708090a0b0c0d0e0f10)")
    public static final class ProfileIDConverter extends IdConverter {
        public ProfileIDConverter(@Param("target") @Baseline(value = byte[].class, name = "bytes") ByteSliceLikeGetter target) {
            super(target, "ProfileID", 16, ProfileIdValue::new);
        }
    }

    @OttlFunction(name = "UUID", kind = OttlFunction.Kind.CONVERTER,
            doc = "A new random (version 4) UUID string.", example = "UUID()")
    public static final class UUIDConverter extends ConverterNode {
        public UUIDConverter() {
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return random();
        }

        @TruffleBoundary
        private static String random() {
            return UUID.randomUUID().toString();
        }
    }

    @OttlFunction(name = "UUIDv7", kind = OttlFunction.Kind.CONVERTER,
            doc = "A new time-ordered (version 7) UUID string: 48 bits of Unix milliseconds, then random bits.",
            example = "UUIDv7()")
    public static final class UUIDv7Converter extends ConverterNode {
        public UUIDv7Converter() {
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return UuidV7.next();
        }
    }

    /**
     * Version 7 UUIDs as Go's google/uuid makes them: the millisecond timestamp, and a 12-bit sub-millisecond
     * sequence in rand_a that keeps ids made within one millisecond increasing.
     */
    static final class UuidV7 {
        private static final SecureRandom RANDOM = new SecureRandom();
        private static long lastTime;

        private UuidV7() {
        }

        @TruffleBoundary
        static synchronized String next() {
            java.time.Instant t = java.time.Instant.now();
            long nanos = t.getEpochSecond() * 1_000_000_000L + t.getNano();
            long milli = nanos / 1_000_000L;
            long seq = (nanos - milli * 1_000_000L) >> 8; // 12 bits of the sub-millisecond part
            long now = milli << 12 | seq;
            if (now <= lastTime) {
                now = lastTime + 1;
                milli = now >> 12;
                seq = now & 0xfff;
            }
            lastTime = now;
            byte[] r = new byte[8];
            RANDOM.nextBytes(r);
            long msb = milli << 16 | 0x7000L | seq;
            long lsb = 0;
            for (byte b : r) {
                lsb = lsb << 8 | (b & 0xff);
            }
            lsb = (lsb & 0x3fffffffffffffffL) | 0x8000000000000000L;
            return new UUID(msb, lsb).toString();
        }
    }
}
