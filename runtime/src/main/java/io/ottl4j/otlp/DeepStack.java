package io.ottl4j.otlp;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a recursive reader within upstream's nesting limits without overflowing the caller's stack. The
 * readers are recursive (one frame group per nested message), and the limits are upstream's (10,000 nested
 * protobuf messages, 10,000 JSON levels), more than a default 1 MiB thread stack holds. A task runs on
 * the calling thread first; only if it overflows there is it run again, from the start, on a fresh
 * thread with a stack sized for the limit. Tasks must be repeatable (decoding from an array is).
 */
public final class DeepStack {
    /** Enough for 10,000 nested messages through protobuf-java's parser and the pdata conversion. */
    static final long STACK_BYTES = 512L << 20;

    private DeepStack() {
    }

    public static <T> T call(Supplier<T> task) {
        try {
            return task.get();
        } catch (StackOverflowError shallow) {
            return onDeepStack(task);
        }
    }

    private static <T> T onDeepStack(Supplier<T> task) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofPlatform().daemon().name("ottl4j-deep-decode").stackSize(STACK_BYTES).unstarted(() -> {
            try {
                result.set(task.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException re) {
            throw re;
        } else if (e instanceof StackOverflowError) {
            throw new OtlpDecodeException("", "value nested too deeply to decode", e);
        } else if (e instanceof Error err) {
            throw err;
        }
        return result.get();
    }
}
