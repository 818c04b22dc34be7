package io.ottl4j.collector.exporter.datadog;

import io.ottl4j.collector.exporter.internal.ExporterHelper;
import io.ottl4j.collector.exporter.internal.ExporterHelper.SendException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.logging.Logger;

/**
 * Encoded payloads waiting to be sent, and the threads that send them — the trace agent's writer in the
 * exporter: {@code traces::trace_buffer} payloads for traces, a few for logs and stats. At most
 * {@code capacity} payloads are held, the ones being sent included; {@link #offer} waits a bounded time for
 * room and reports a full buffer instead of dropping (upstream drops with a warning; here the caller turns it
 * into a retryable refusal so the sending queue keeps the data). Failed sends are retried with
 * {@code retry_on_failure}'s back-off (honouring Retry-After) until {@code max_elapsed_time}; a permanent error
 * or an exhausted retry drops the payload with a warning and a count.
 *
 * <p>{@link #close} stops taking payloads and drains the buffer within a deadline, one attempt per payload
 * and no back-off; what is left is logged with its item count.
 */
final class PayloadWriter {
    /** Sends one payload once. */
    @FunctionalInterface
    interface Poster {
        void post(Senders.Request r, Duration timeout) throws SendException;
    }

    private final String what;
    private final int capacity;
    private final Semaphore room;
    private final LinkedBlockingQueue<Senders.Request> waiting = new LinkedBlockingQueue<>();
    private final Poster poster;
    private final ExporterHelper.Settings helper;
    private final Logger log;
    private final LongConsumer onDrop;
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong droppedItems = new AtomicLong();
    private volatile boolean backendDown;

    /**
     * @param what    what the payloads hold, for log lines ("trace", "logs", "stats")
     * @param senders sending threads
     * @param onDrop  told the item count of each payload given up
     */
    PayloadWriter(String what, int capacity, int senders, Poster poster, ExporterHelper.Settings helper, Logger log, LongConsumer onDrop,
            String threadName) {
        this.what = what;
        this.capacity = capacity;
        this.room = new Semaphore(capacity, true);
        this.poster = poster;
        this.helper = helper;
        this.log = log;
        this.onDrop = onDrop;
        for (int i = 0; i < Math.max(1, Math.min(senders, capacity)); i++) {
            threads.add(Thread.ofPlatform().daemon().name(threadName + "-" + i).start(this::loop));
        }
    }

    /** Puts {@code r} in the buffer, waiting up to {@code wait} for room; false when the buffer stays full (or is closed). */
    boolean offer(Senders.Request r, Duration wait) throws InterruptedException {
        if (closing.getCount() == 0 || !room.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        waiting.add(r);
        return true;
    }

    /** Payloads held: waiting or being sent. */
    int buffered() {
        return capacity - room.availablePermits();
    }

    int capacity() {
        return capacity;
    }

    /** Items of the payloads given up so far. */
    long droppedItems() {
        return droppedItems.get();
    }

    private void loop() {
        try {
            while (true) {
                Senders.Request r = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (r == null) {
                    if (closing.getCount() == 0) {
                        return;
                    }
                    continue;
                }
                try {
                    send(r);
                } catch (RuntimeException e) { // a sender thread survives anything one payload throws
                    drop(r, e.toString());
                } finally {
                    room.release();
                }
            }
        } catch (InterruptedException e) {
            // close() gave up waiting
        }
    }

    private void send(Senders.Request r) throws InterruptedException {
        ExporterHelper.Retry retry = helper.retry();
        long start = System.nanoTime();
        Duration interval = retry.initialInterval();
        while (true) {
            if (closing.getCount() == 0 && backendDown) {
                drop(r, "the intake failed during shutdown");
                return;
            }
            try {
                poster.post(r, helper.timeout());
                return;
            } catch (SendException e) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                Duration max = retry.maxElapsedTime();
                boolean giveUp = !e.retryable() || !retry.enabled() || (!max.isZero() && elapsed.compareTo(max) >= 0);
                if (giveUp || closing.getCount() == 0) {
                    backendDown |= closing.getCount() == 0 && e.retryable();
                    drop(r, (e.retryable() ? "" : "permanent error: ") + e.getMessage());
                    return;
                }
                Duration wait = e.retryAfter() != null ? e.retryAfter() : retry.jittered(interval);
                if (!max.isZero() && elapsed.plus(wait).compareTo(max) > 0) {
                    wait = max.minus(elapsed);
                }
                log.fine(what + " payload: send failed, retrying: " + e.getMessage());
                // the back-off ends early when shutdown begins: then one last attempt
                closing.await(wait.toNanos(), TimeUnit.NANOSECONDS);
                interval = retry.next(interval);
            }
        }
    }

    private void drop(Senders.Request r, String why) {
        droppedItems.addAndGet(r.items());
        onDrop.accept(r.items());
        log.warning("Exporting failed. Dropping data. error=" + why + " dropped_items=" + r.items() + " (" + what + " payload)");
    }

    /** Stops taking payloads, sends what is held until {@code deadline} passes, then stops the threads. */
    void close(Duration deadline) throws InterruptedException {
        closing.countDown();
        long end = System.nanoTime() + deadline.toNanos();
        while (buffered() > 0 && System.nanoTime() < end) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            t.join(1000);
        }
        long left = 0;
        int payloads = 0;
        for (Senders.Request r; (r = waiting.poll()) != null;) {
            left += r.items();
            payloads++;
        }
        if (payloads > 0) {
            droppedItems.addAndGet(left);
            onDrop.accept(left);
            log.warning("shutdown: " + payloads + " " + what + " payload(s) with " + left + " item(s) could not be sent before the deadline and are dropped");
        }
    }
}
