package io.ottl4j.collector.internal;

import io.ottl4j.collector.component.ComponentStatus;
import io.ottl4j.collector.component.CreateSettings;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a component worker or callback does with a {@link Throwable} raised while handling one record (or
 * batch): the data is dropped and counted, the fault is logged once per component and kind of fault (with
 * its context; repeats go to FINE with a running count), and the worker goes on. A {@link VirtualMachineError}
 * other than a stack overflow (out of memory, an internal JVM error) means the process cannot be trusted:
 * the component reports {@link ComponentStatus#FATAL_ERROR}, so health_check turns 503 and a supervisor
 * restarts the process.
 */
public final class Faults {
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();
    private static final AtomicLong DROPPED = new AtomicLong();

    private Faults() {
    }

    /**
     * Handles {@code t}, raised while {@code what} (e.g. "sending a batch") with {@code items} items.
     * Restores the interrupt flag for interruptions.
     */
    public static void survive(CreateSettings settings, Logger log, String what, int items, Throwable t) {
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        long total = DROPPED.addAndGet(Math.max(0, items));
        String cause = describe(t);
        boolean first = LOGGED.add(settings.kind() + "/" + settings.id() + "/" + t.getClass().getName());
        String line = "Dropped " + items + " items after a fault while " + what + ": " + cause
                + " (the component goes on; items dropped after faults so far: " + total + ")";
        if (first) {
            log.log(Level.WARNING, line, t instanceof StackOverflowError ? null : t);
        } else {
            log.log(Level.FINE, line);
        }
        if (fatal(t)) {
            settings.reportStatus(ComponentStatus.FATAL_ERROR, t);
        }
    }

    /** Whether {@code t} leaves the JVM in a state where the process should be restarted. */
    public static boolean fatal(Throwable t) {
        return t instanceof VirtualMachineError && !(t instanceof StackOverflowError);
    }

    /** A one-line description naming the cause, never "null". */
    public static String describe(Throwable t) {
        if (t instanceof StackOverflowError) {
            return "a value nested too deeply for the stack (StackOverflowError)";
        }
        StringBuilder sb = new StringBuilder();
        Throwable c = t;
        for (int i = 0; c != null && i < 4; i++, c = c.getCause()) {
            if (!sb.isEmpty()) {
                sb.append(": caused by ");
            }
            sb.append(c.getMessage() == null ? c.getClass().getName() : c.getMessage());
            if (c.getCause() == c) {
                break;
            }
        }
        return sb.toString();
    }

    /**
     * {@code t} as an exception for a synchronous caller: exceptions as they are, errors as a permanent
     * {@link io.ottl4j.collector.component.ConsumerException} naming the cause (a fatal one as transient,
     * so the client retries elsewhere).
     */
    public static Exception asException(Throwable t) {
        if (t instanceof Exception e) {
            return e;
        }
        return new io.ottl4j.collector.component.ConsumerException(describe(t), !fatal(t), -1, t);
    }

    /** Items dropped after faults since the process started (all collectors of the JVM). */
    public static long dropped() {
        return DROPPED.get();
    }
}
