package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.std.internal.ProfileIdValue;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.TraceId;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Id converters: trace, span and profile ids from bytes literals (checked when the statement is compiled,
 * as at the baseline, where these take only a bytes literal), and random UUIDs.
 */
public final class IdConverters {
    private IdConverters() {
    }

    /** A converter returning the id it made, when the statement was compiled, from its bytes literal. */
    abstract static class IdLiteral extends ConverterNode {
        private final Object id;

        IdLiteral(Object id) {
            this.id = id;
        }

        @Override
        public final Object executeGeneric(VirtualFrame frame) {
            return id;
        }

        /** The {@code bytes} argument, which must be {@code length} long (else a compile error with the message). */
        static byte[] checked(byte[] bytes, int length, String message) {
            if (bytes.length != length) {
                throw new OttlArgumentException("bytes", message);
            }
            return bytes;
        }
    }

    @OttlFunction(name = "TraceID", kind = OttlFunction.Kind.CONVERTER,
            doc = "A trace id from a 16-byte bytes literal.", example = "TraceID(0x0102030405060708090a0b0c0d0e0f10)")
    public static final class TraceIDConverter extends IdLiteral {
        public TraceIDConverter(@Param("bytes") byte[] bytes) {
            super(TraceId.fromBytes(checked(bytes, 16, "traces ids must be 16 bytes")));
        }
    }

    @OttlFunction(name = "SpanID", kind = OttlFunction.Kind.CONVERTER,
            doc = "A span id from an 8-byte bytes literal.", example = "SpanID(0x0102030405060708)")
    public static final class SpanIDConverter extends IdLiteral {
        public SpanIDConverter(@Param("bytes") byte[] bytes) {
            super(SpanId.fromBytes(checked(bytes, 8, "span ids must be 8 bytes")));
        }
    }

    @OttlFunction(name = "ProfileID", kind = OttlFunction.Kind.CONVERTER,
            doc = "A profile id from a 16-byte bytes literal.", example = "ProfileID(0x0102030405060708090a0b0c0d0e0f10)")
    public static final class ProfileIDConverter extends IdLiteral {
        public ProfileIDConverter(@Param("bytes") byte[] bytes) {
            super(new ProfileIdValue(checked(bytes, 16, "profile ids must be 16 bytes")));
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
