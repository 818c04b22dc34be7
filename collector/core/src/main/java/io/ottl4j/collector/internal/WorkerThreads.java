package io.ottl4j.collector.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that run records through the pipeline (receiver handlers, batch workers). Their stack is sized
 * for values nested as deep as upstream accepts (10,000 levels: ParseJSON, OTLP readers), which the
 * recursive pdata operations (deep copy, equality, encoding) walk; a default 1 MiB stack overflows at a
 * few thousand levels. Only touched pages are committed, so the reservation costs address space only.
 */
public final class WorkerThreads {
    /** Stack of a pipeline worker thread. */
    public static final long STACK_BYTES = 64L << 20;

    private WorkerThreads() {
    }

    /** A factory of daemon platform threads named {@code prefix-N} with the worker stack size. */
    public static ThreadFactory factory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> Thread.ofPlatform().daemon().name(prefix + "-" + n.incrementAndGet()).stackSize(STACK_BYTES).unstarted(r);
    }

    /** Starts a daemon worker thread with the worker stack size. */
    public static Thread start(String name, Runnable task) {
        return Thread.ofPlatform().daemon().name(name).stackSize(STACK_BYTES).start(task);
    }
}
