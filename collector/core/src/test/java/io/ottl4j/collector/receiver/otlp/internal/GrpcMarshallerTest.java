package io.ottl4j.collector.receiver.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.KnownLength;
import java.io.ByteArrayInputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The request marshaller reads every byte of a message, whether or not its stream announces the length rightly. */
class GrpcMarshallerTest {
    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    /** A stream that says it knows its length and announces {@code announced} bytes as available. */
    private static final class Known extends ByteArrayInputStream implements KnownLength {
        private final int announced;
        private boolean asked;

        Known(byte[] b, int announced) {
            super(b);
            this.announced = announced;
        }

        @Override
        public synchronized int available() {
            if (!asked) {
                asked = true;
                return announced;
            }
            return super.available();
        }
    }

    @Test
    void aStreamOfKnownLengthIsReadWhole() {
        byte[] message = bytes(200_000);
        assertThat(GrpcServer.BYTES.parse(new Known(message, message.length))).isEqualTo(message);
        assertThat(GrpcServer.BYTES.parse(new Known(new byte[0], 0))).isEmpty();
    }

    @Test
    void aStreamAnnouncingTooFewOrTooManyBytesLosesNothing() {
        byte[] message = bytes(70_000);
        assertThat(GrpcServer.BYTES.parse(new Known(message, 1_000))).isEqualTo(message);
        assertThat(GrpcServer.BYTES.parse(new Known(message, 90_000))).isEqualTo(message);
    }

    @Test
    void otherStreamsAreReadToTheEnd() {
        byte[] message = bytes(50_000);
        assertThat(GrpcServer.BYTES.parse(new ByteArrayInputStream(message))).isEqualTo(message);
    }
}
