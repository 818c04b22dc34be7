package io.ottl4j.cli.internal;

import java.time.Duration;

/**
 * The small profile's counterpart of G1's {@code G1PeriodicGCInterval} for the Serial collector: a full collection
 * every interval, so that heap grown during a burst (a slow start, an exporter falling behind) is handed back to the
 * operating system. Serial shrinks the heap only at a full collection ({@code -XX:MaxHeapFreeRatio}), and at a
 * steady rate with a young generation sized for the batches there is none: measured at 10k spans/s, the heap kept
 * the ~60 MiB it grew to while warming up instead of the ~35 MiB it needs (docs/performance.md, "Footprint"). A full
 * collection of the small profile's live set (~20 MiB) takes tens of milliseconds: every 30 s that is ~0.1 % of a
 * core.
 */
public final class PeriodicHeapTrim {
    /** System property (set by the launcher's small profile): the interval, e.g. {@code 30s}; absent or 0: off. */
    public static final String PROPERTY = "ottl.heapTrimInterval";

    private PeriodicHeapTrim() {
    }

    /** Starts the daemon thread when {@link #PROPERTY} names a positive interval; a malformed value is ignored. */
    public static void startIfConfigured() {
        String value = System.getProperty(PROPERTY, "").trim();
        Duration interval;
        try {
            interval = value.isEmpty() ? Duration.ZERO : Duration.parse("PT" + value.toUpperCase(java.util.Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
            return;
        }
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        Thread.ofPlatform().daemon().name("heap-trim").stackSize(64 << 10).start(() -> {
            while (true) {
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                }
                System.gc();
            }
        });
    }
}
