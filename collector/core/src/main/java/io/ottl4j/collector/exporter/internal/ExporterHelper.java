package io.ottl4j.collector.exporter.internal;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The exporter helper shared by the network exporters (collector-spec §5.4): per-attempt {@code timeout},
 * {@code retry_on_failure} with exponential back-off honouring server throttle hints, and a {@code sending_queue}
 * (in memory, or persistent through a storage extension; optional exporter-side {@code batch}) drained by
 * {@code num_consumers} threads; a full queue is a non-permanent error. See {@link QueuedExporter}.
 */
public final class ExporterHelper {
    public record Retry(boolean enabled, Duration initialInterval, double randomizationFactor, double multiplier, Duration maxInterval,
            Duration maxElapsedTime) {
        /** {@code interval} randomised by ±{@code randomization_factor}, as upstream's back-off. */
        public Duration jittered(Duration interval) {
            double delta = randomizationFactor * interval.toNanos();
            double min = interval.toNanos() - delta;
            double max = interval.toNanos() + delta;
            return Duration.ofNanos((long) (min + java.util.concurrent.ThreadLocalRandom.current().nextDouble() * (max - min + 1)));
        }

        /** The interval after {@code interval}: times {@code multiplier}, at most {@code max_interval}. */
        public Duration next(Duration interval) {
            return Duration.ofNanos((long) Math.min(interval.toNanos() * multiplier, maxInterval.toNanos()));
        }
    }

    /**
     * {@code sending_queue}: upstream's keys. {@code queueSize} and the batch sizes are in {@code sizer} units;
     * {@code storage} (a storage extension's ID) makes the queue persistent; {@code batch} null means no
     * exporter-side batching.
     */
    public record Queue(boolean enabled, int numConsumers, long queueSize, boolean blockOnOverflow, Sizer sizer, boolean waitForResult,
            ComponentId storage, Batch batch) {
        public Queue(boolean enabled, int numConsumers, int queueSize, boolean blockOnOverflow) {
            this(enabled, numConsumers, queueSize, blockOnOverflow, Sizer.REQUESTS, false, null, null);
        }
    }

    /**
     * {@code sending_queue::batch}: flush at {@code minSize} or after {@code flushTimeout}; split above {@code maxSize}
     * (0: no limit). {@code partitionKeys} ({@code partition::metadata_keys}): one batch per distinct combination of
     * these client metadata values.
     */
    public record Batch(Duration flushTimeout, long minSize, long maxSize, Sizer sizer, List<String> partitionKeys) {
        public static final Batch DEFAULT = new Batch(Duration.ofMillis(200), 8192, 0, Sizer.ITEMS, List.of());

        public Batch(Duration flushTimeout, long minSize, long maxSize, Sizer sizer) {
            this(flushTimeout, minSize, maxSize, sizer, List.of());
        }

        public Batch {
            partitionKeys = List.copyOf(partitionKeys);
        }
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
        Queue queue = decodeQueue(c.child("sending_queue"));
        if (timeout.isNegative()) {
            c.error("timeout", "timeout must be non-negative");
        }
        return new Settings(timeout, retry, queue);
    }

    static Queue decodeQueue(Conf q) {
        boolean enabled = q.bool("enabled", true);
        int consumers = q.intValue("num_consumers", 10);
        long size = q.longValue("queue_size", 1000);
        boolean block = q.bool("block_on_overflow", false);
        if (q.present("blocking")) {
            q.error("blocking", "unknown-key", "has invalid keys: blocking (removed upstream; use block_on_overflow)");
        }
        boolean sizerSet = q.has("sizer");
        Sizer sizer = sizer(q, "sizer", Sizer.REQUESTS);
        boolean wait = q.bool("wait_for_result", false);
        ComponentId storage = null;
        String st = q.string("storage", null);
        if (st != null) {
            try {
                storage = ComponentId.parse(st);
            } catch (IllegalArgumentException e) {
                q.error("storage", e.getMessage());
            }
        }
        Batch batch = null;
        if (q.present("batch")) {
            Conf b = q.child("batch");
            Batch d = Batch.DEFAULT;
            // upstream: batch::sizer inherits sending_queue::sizer when that is set and batch is a map; items otherwise
            Sizer inherited = sizerSet && q.has("batch") ? sizer : d.sizer();
            Conf p = b.child("partition");
            List<String> keys = p.strings("metadata_keys", List.of());
            Set<String> seen = new HashSet<>();
            for (String k : keys) {
                if (!seen.add(k.toLowerCase(Locale.ROOT))) {
                    p.error("metadata_keys", "duplicate entry in metadata_keys: \"" + k.toLowerCase(Locale.ROOT) + "\" (case-insensitive)");
                    break;
                }
            }
            p.finish();
            batch = new Batch(b.duration("flush_timeout", d.flushTimeout()), b.longValue("min_size", d.minSize()), b.longValue("max_size", d.maxSize()),
                    sizer(b, "sizer", inherited), keys);
            b.finish();
            if (batch.sizer() == Sizer.REQUESTS) {
                q.error("batch", "`batch` supports only `items` or `bytes` sizer, found \"requests\"");
            }
            if (!batch.flushTimeout().isPositive()) {
                q.error("batch", "`flush_timeout` must be positive, found " + batch.flushTimeout().toNanos());
            }
            if (batch.minSize() < 0) {
                q.error("batch", "`min_size` must be non-negative, found " + batch.minSize());
            }
            if (batch.maxSize() < 0) {
                q.error("batch", "`max_size` must be non-negative, found " + batch.maxSize());
            }
            if (batch.maxSize() > 0 && batch.maxSize() < batch.minSize()) {
                q.error("batch", "`max_size` (" + batch.maxSize() + ") must be greater or equal to `min_size` (" + batch.minSize() + ")");
            }
            if (enabled && batch.sizer() == sizer && batch.minSize() > size) {
                q.error("batch", "`min_size` must be less than or equal to `queue_size`");
            }
        }
        q.finish();
        if (enabled && storage != null && wait) {
            q.error("wait_for_result", "`wait_for_result` is not supported with a persistent queue configured with `storage`");
        }
        if (enabled && size <= 0) {
            q.error("queue_size", "`queue_size` must be positive");
        }
        if (enabled && consumers <= 0) {
            q.error("num_consumers", "`num_consumers` must be positive");
        }
        return new Queue(enabled, consumers, size, block, sizer, wait, storage, batch);
    }

    private static Sizer sizer(Conf c, String key, Sizer def) {
        String text = c.string(key, def.key());
        Sizer s = Sizer.parse(text);
        if (s == null) {
            c.error(key, "invalid sizer: \"" + text + "\" (use requests, items or bytes)");
            return def;
        }
        return s;
    }

    /** An exporter that sends through {@code sender} with this helper's queue and retries. */
    public static ExporterFactory.Exporter exporter(CreateSettings cs, Settings s, Signal signal, Sender sender, AutoCloseable onShutdown,
            StartHook onStart) {
        return new QueuedExporter(cs, s, signal, sender, onShutdown, onStart);
    }

    @FunctionalInterface
    public interface StartHook {
        void start() throws Exception;
    }
}
