package io.ottl4j.collector.component;

/**
 * A consumer failure. {@code permanent} errors are not retried (OTLP answers INTERNAL / 500); others are
 * (UNAVAILABLE / 503). A gRPC status code, when known, overrides both.
 */
public class ConsumerException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean permanent;
    private final int grpcCode;

    public ConsumerException(String message, boolean permanent) {
        this(message, permanent, -1, null);
    }

    public ConsumerException(String message, boolean permanent, int grpcCode, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.grpcCode = grpcCode;
    }

    public static ConsumerException permanent(String message, Throwable cause) {
        return new ConsumerException(message, true, -1, cause);
    }

    public boolean permanent() {
        return permanent;
    }

    /** The gRPC status code the error already carries, or -1. */
    public int grpcCode() {
        return grpcCode;
    }
}
