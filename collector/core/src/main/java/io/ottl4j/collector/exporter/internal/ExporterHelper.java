package io.ottl4j.collector.exporter.internal;

import io.ottl4j.collector.component.ConsumerException;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.internal.Batches;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The exporter helper shared by the network exporters (collector-spec §5.4): per-attempt {@code timeout},
 * {@code retry_on_failure} with exponential back-off honouring server throttle hints, and an in-memory
 * {@code sending_queue} drained by {@code num_consumers} threads; a full queue is a non-permanent error.
 */
public final class ExporterHelper {
    public record Retry(boolean enabled, Duration initialInterval, double randomizationFactor, double multiplier, Duration maxInterval,
            Duration maxElapsedTime) {
    }

    public record Queue(boolean enabled, int numConsumers, int queueSize, boolean blockOnOverflow) {
    }

    public record Settings(Duration timeout, Retry retry, Queue queue) {
    }

    /** One attempt at sending a batch. */
    @FunctionalInterface
    public interface Sender {
        void send(TelemetryBatch<?> batch, Duration timeout) throws SendException;
    }

    /** A failed attempt: retryable or not, with an optional server-requested delay. */
    public static final class SendException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean retryable;
        private final Duration retryAfter;

        public SendException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
            this.retryAfter = retryAfter;
        }

        public boolean retryable() {
            return retryable;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private ExporterHelper() {
    }

    public static Settings decode(Conf c, Duration defaultTimeout) {
        Duration timeout = c.duration("timeout", defaultTimeout);
        Conf r = c.child("retry_on_failure");
        Retry retry = new Retry(r.bool("enabled", true), r.duration("initial_interval", Duration.ofSeconds(5)),
                r.doubleValue("randomization_factor", 0.5), r.doubleValue("multiplier", 1.5), r.duration("max_interval", Duration.ofSeconds(30)),
                r.duration("max_elapsed_time", Duration.ofMinutes(5)));
        r.finish();
        Conf q = c.child("sending_queue");
        Queue queue = new Queue(q.bool("enabled", true), q.intValue("num_consumers", 10), q.intValue("queue_size", 1000),
                q.bool("block_on_overflow", false));
        if (q.has("storage")) {
            q.error("storage", "persistent queues (storage) are not supported yet by ottl4j");
        }
        if (q.has("batch")) {
            q.error("batch", "sending_queue::batch is not supported yet by ottl4j; use the batch processor");
        }
        String sizer = q.string("sizer", "requests");
        if (!sizer.equals("requests")) {
            q.error("sizer", "only the requests sizer is supported by ottl4j");
        }
        q.bool("wait_for_result", false);
        q.finish();
        if (queue.enabled() && queue.queueSize() <= 0) {
            c.error("sending_queue", "queue_size must be positive");
        }
        if (queue.enabled() && queue.numConsumers() <= 0) {
            c.error("sending_queue", "num_consumers must be positive");
        }
        if (timeout.isNegative()) {
            c.error("timeout", "timeout must be non-negative");
        }
        return new Settings(timeout, retry, queue);
    }

    /** An exporter that sends through {@code sender} with this helper's queue and retries. */
    public static ExporterFactory.Exporter exporter(CreateSettings cs, Settings s, Signal signal, Sender sender, AutoCloseable onShutdown,
            StartHook onStart) {
        return new Queued(cs, s, signal, sender, onShutdown, onStart);
    }

    @FunctionalInterface
    public interface StartHook {
        void start() throws Exception;
    }

    private static final class Queued implements ExporterFactory.Exporter {
        private static final TelemetryBatch<?> STOP = TelemetryBatch.logs();
        private final CreateSettings cs;
        private final Settings s;
        private final Signal signal;
        private final Sender sender;
        private final AutoCloseable onShutdown;
        private final StartHook onStart;
        private final Logger log;
        private final BlockingQueue<TelemetryBatch<?>> queue;
        private final List<Thread> workers = new ArrayList<>();
        private AutoCloseable queueGauges;
        private volatile boolean stopping;

        Queued(CreateSettings cs, Settings s, Signal signal, Sender sender, AutoCloseable onShutdown, StartHook onStart) {
            this.cs = cs;
            this.s = s;
            this.signal = signal;
            this.sender = sender;
            this.onShutdown = onShutdown;
            this.onStart = onStart;
            this.log = cs.logger(signal);
            this.queue = s.queue().enabled() ? new ArrayBlockingQueue<>(s.queue().queueSize() + s.queue().numConsumers()) : null;
        }

        @Override
        public void start(Host host) throws Exception {
            if (onStart != null) {
                onStart.start();
            }
            if (queue != null) {
                queueGauges = cs.telemetry().queue(cs.id(), signal, queue::size, s.queue().queueSize());
                for (int i = 0; i < s.queue().numConsumers(); i++) {
                    workers.add(Thread.ofPlatform().daemon().name("exporter-" + cs.id() + "-" + i).start(this::drain));
                }
            }
        }

        @Override
        public void consume(TelemetryBatch<?> batch) throws Exception {
            if (queue == null) {
                sendWithRetry(batch, true);
                return;
            }
            if (stopping) {
                throw new ConsumerException("exporter is shutting down", false);
            }
            boolean ok = s.queue().blockOnOverflow() ? put(batch) : queue.size() < s.queue().queueSize() && queue.offer(batch);
            if (!ok) {
                cs.telemetry().exporter(cs.id(), signal, "enqueue_failed", Batches.count(batch));
                throw new ConsumerException("sending queue is full", false);
            }
        }

        private boolean put(TelemetryBatch<?> batch) throws InterruptedException {
            queue.put(batch);
            return true;
        }

        private void drain() {
            while (true) {
                TelemetryBatch<?> b;
                try {
                    b = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                if (b == STOP) {
                    return;
                }
                try {
                    sendWithRetry(b, false);
                } catch (Exception e) {
                    log.log(Level.WARNING, "Exporting failed. Dropping data: " + io.ottl4j.collector.internal.Faults.describe(e));
                } catch (Throwable t) { // a record the exporter cannot encode must not kill the consumer
                    io.ottl4j.collector.internal.Faults.survive(cs, log, "exporting a batch", io.ottl4j.collector.internal.Batches.count(b), t);
                }
            }
        }

        private void sendWithRetry(TelemetryBatch<?> batch, boolean sync) throws ConsumerException {
            int n = Batches.count(batch);
            long start = System.nanoTime();
            Duration interval = s.retry().initialInterval();
            while (true) {
                try {
                    sender.send(batch, s.timeout());
                    cs.telemetry().exporter(cs.id(), signal, "sent", n);
                    return;
                } catch (SendException e) {
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                    Duration max = s.retry().maxElapsedTime();
                    boolean giveUp = !e.retryable() || !s.retry().enabled() || stopping
                            || (!max.isZero() && elapsed.compareTo(max) >= 0);
                    if (giveUp) {
                        cs.telemetry().exporter(cs.id(), signal, "send_failed", n);
                        throw new ConsumerException((e.retryable() ? "" : "permanent error: ") + e.getMessage(), !e.retryable(), -1, e);
                    }
                    Duration wait = e.retryAfter() != null ? e.retryAfter() : jitter(interval);
                    if (!max.isZero() && elapsed.plus(wait).compareTo(max) > 0) {
                        wait = max.minus(elapsed);
                    }
                    Duration delay = wait;
                    log.info(() -> "Exporting failed. Will retry the request after interval. error=" + e.getMessage()
                            + " interval=" + delay.toMillis() + "ms"); // upstream logs the interval as a field too
                    try {
                        sleep(wait);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new ConsumerException("interrupted while retrying: " + e.getMessage(), false);
                    }
                    double next = interval.toNanos() * s.retry().multiplier();
                    interval = Duration.ofNanos((long) Math.min(next, s.retry().maxInterval().toNanos()));
                }
            }
        }

        private Duration jitter(Duration d) {
            double f = s.retry().randomizationFactor();
            double delta = f * d.toNanos();
            double min = d.toNanos() - delta;
            double max = d.toNanos() + delta;
            return Duration.ofNanos((long) (min + ThreadLocalRandom.current().nextDouble() * (max - min + 1)));
        }

        private void sleep(Duration d) throws InterruptedException {
            long end = System.nanoTime() + d.toNanos();
            while (!stopping) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(left, 50_000_000L));
            }
        }

        @Override
        public void shutdown() throws Exception {
            if (queue != null) {
                for (int i = 0; i < workers.size(); i++) {
                    queue.put(STOP); // after everything already queued: the queue drains first
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                for (Thread t : workers) {
                    long left = deadline - System.nanoTime();
                    if (left > 0) {
                        t.join(Duration.ofNanos(left));
                    }
                }
            }
            stopping = true;
            for (Thread t : workers) {
                t.interrupt();
            }
            if (queueGauges != null) {
                queueGauges.close();
            }
            if (onShutdown != null) {
                onShutdown.close();
            }
        }
    }
}
