package io.ottl4j.collector.component;

import java.time.Duration;

/**
 * The collector's shutdown deadline as components see it: {@link io.ottl4j.collector.service.Collector} records
 * it when shutdown begins, so that an exporter draining its queue stops in time to report (or persist) what is
 * left instead of being cut off silently.
 */
public final class ShutdownBudget {
    private static volatile long deadlineNanos;
    private static volatile boolean set;

    private ShutdownBudget() {
    }

    public static void begin(Duration deadline) {
        deadlineNanos = System.nanoTime() + deadline.toNanos();
        set = true;
    }

    /** Time left before the collector's deadline, keeping {@code margin} for reporting; {@code fallback} when none was set. */
    public static Duration remaining(Duration margin, Duration fallback) {
        if (!set) {
            return fallback;
        }
        long left = deadlineNanos - System.nanoTime() - margin.toNanos();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }
}
