package io.ottl4j.collector.component;

import java.time.Duration;

/**
 * The collector's shutdown deadline as components see it: {@link io.ottl4j.collector.service.Collector} records
 * it when shutdown begins, so that an exporter draining its queue stops in time to report (or persist) what is
 * left instead of being cut off silently.
 */
public final class ShutdownBudget {
    /**
     * The deadline (System.nanoTime) of the shutdown in progress, bound on the thread that stops the pipelines: a
     * global would outlive its collector, and a later shutdown elsewhere in the same JVM (an offline pipeline, a
     * test) would find its deadline long past and drain nothing.
     */
    private static final ScopedValue<Long> DEADLINE = ScopedValue.newInstance();

    private ShutdownBudget() {
    }

    /** Runs {@code stop} with {@code deadline} as the budget of every component it shuts down. */
    public static void during(Duration deadline, Runnable stop) {
        ScopedValue.where(DEADLINE, System.nanoTime() + deadline.toNanos()).run(stop);
    }

    /** Time left before the collector's deadline, keeping {@code margin} for reporting; {@code fallback} when none was set. */
    public static Duration remaining(Duration margin, Duration fallback) {
        if (!DEADLINE.isBound()) {
            return fallback;
        }
        long left = DEADLINE.get() - System.nanoTime() - margin.toNanos();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }
}
