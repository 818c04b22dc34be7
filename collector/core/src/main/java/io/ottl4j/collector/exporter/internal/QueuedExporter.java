package io.ottl4j.collector.exporter.internal;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.ConsumerException;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.ShutdownBudget;
import io.ottl4j.collector.extension.storage.StorageExtension;
import io.ottl4j.collector.internal.Batches;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TelemetryItem;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An exporter behind the helper's sending queue. {@code consume} puts the batch in the queue (for a persistent
 * queue: on disk, before it returns and so before the receiver acknowledges) and returns; {@code num_consumers}
 * threads take entries, optionally merged by the exporter-side batcher, and send them with retries; an entry
 * leaves the queue only when its export is over.
 *
 * <p>Shutdown: new data is refused, the queue is drained within the collector's shutdown deadline (one attempt
 * per batch, no back-off: a retryable failure ends the drain), then the consumers are stopped. What is left is
 * reported with counts: kept in the persistent queue for the next start, or logged as dropped by an in-memory
 * queue. Nothing is lost silently.
 */
final class QueuedExporter implements ExporterFactory.Exporter {
    private static final Duration DRAIN_FALLBACK = Duration.ofSeconds(8);
    private static final Duration REPORT_MARGIN = Duration.ofMillis(1500);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Entries finished together (a batch of the batcher may split into several parts to send). */
    private record Job(List<SendingQueue.Entry> entries, List<TelemetryBatch<?>> parts, ClientInfo client) {
    }

    /** An export cut short by shutdown: a persistent queue keeps the data for the next start. */
    private static final class ShutdownAbort extends ConsumerException {
        private static final long serialVersionUID = 1L;

        ShutdownAbort(String message) {
            super(message, false);
        }
    }

    private final CreateSettings cs;
    private final ExporterHelper.Settings s;
    private final ExporterHelper.Queue q;
    private final Signal signal;
    private final ExporterHelper.Sender sender;
    private final AutoCloseable onShutdown;
    private final ExporterHelper.StartHook onStart;
    private final Logger log;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong lostAtShutdown = new AtomicLong();
    private final AtomicLong keptAtShutdown = new AtomicLong();
    private BlockingQueue<Job> jobs;
    private SendingQueue queue;
    private AutoCloseable queueGauges;
    private volatile boolean accepting = true;
    private volatile boolean draining;
    private volatile boolean stopping;

    QueuedExporter(CreateSettings cs, ExporterHelper.Settings s, Signal signal, ExporterHelper.Sender sender, AutoCloseable onShutdown,
            ExporterHelper.StartHook onStart) {
        this.cs = cs;
        this.s = s;
        this.q = s.queue();
        this.signal = signal;
        this.sender = sender;
        this.onShutdown = onShutdown;
        this.onStart = onStart;
        this.log = cs.logger(signal);
    }

    @Override
    public void start(Host host) throws Exception {
        if (onStart != null) {
            onStart.start();
        }
        if (!q.enabled()) {
            return;
        }
        if (q.storage() != null) {
            StorageExtension storage = StorageExtension.find(host, q.storage());
            queue = new PersistentQueue(storage.client(Kind.EXPORTER, cs.id(), signalName()), signal, q.queueSize(), log);
        } else {
            queue = new MemoryQueue(q.queueSize());
        }
        queueGauges = cs.telemetry().queue(cs.id(), signal, queue::size, q.queueSize());
        if (q.batch() != null) {
            jobs = new ArrayBlockingQueue<>(q.numConsumers());
            threads.add(Thread.ofPlatform().daemon().name("exporter-" + cs.id() + "-" + signalName() + "-batcher").start(this::batchLoop));
        }
        for (int i = 0; i < q.numConsumers(); i++) {
            threads.add(Thread.ofPlatform().daemon().name("exporter-" + cs.id() + "-" + signalName() + "-" + i).start(this::sendLoop));
        }
    }

    private String signalName() {
        return signal.name().toLowerCase(java.util.Locale.ROOT);
    }

    private String unit() {
        return switch (signal) {
            case TRACES -> "spans";
            case METRICS -> "metric data points";
            case LOGS -> "log records";
            case PROFILES -> "profiles";
        };
    }

    @Override
    public void consume(TelemetryBatch<?> batch) throws Exception {
        if (queue == null) {
            sendWithRetry(batch);
            return;
        }
        if (!accepting) {
            throw new ConsumerException("exporter is shutting down", false);
        }
        CompletableFuture<Throwable> result = q.waitForResult() ? new CompletableFuture<>() : null;
        boolean ok;
        try {
            ok = queue.offer(batch, q.sizer().size(batch), q.blockOnOverflow(), result == null ? null : result::complete);
        } catch (IOException e) {
            cs.telemetry().exporter(cs.id(), signal, "enqueue_failed", Batches.count(batch));
            throw new ConsumerException("persistent queue cannot store the data: " + e.getMessage(), false, -1, e);
        }
        if (!ok) {
            cs.telemetry().exporter(cs.id(), signal, "enqueue_failed", Batches.count(batch));
            throw new ConsumerException("sending queue is full", false);
        }
        if (result != null) {
            Throwable failure;
            try {
                failure = result.get();
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            if (failure instanceof ConsumerException ce) {
                throw ce;
            }
            if (failure != null) {
                throw new ConsumerException(failure.getMessage(), false, -1, failure);
            }
        }
    }

    /** A consumer: sends what the batcher built, or (without batching) one queue entry at a time. */
    private void sendLoop() {
        try {
            while (!stopping) {
                Job job;
                if (jobs != null) {
                    job = jobs.poll(POLL_NANOS, TimeUnit.NANOSECONDS);
                } else {
                    SendingQueue.Entry e = pollOrPause();
                    job = e == null ? null : new Job(List.of(e), List.of(e.batch()), e.client());
                }
                if (job != null) {
                    run(job);
                }
            }
        } catch (InterruptedException e) {
            // stopping
        }
    }

    /** The next entry; a storage error (disk full, I/O) is logged and retried after a pause rather than ending the consumer. */
    private SendingQueue.Entry pollOrPause() throws InterruptedException {
        try {
            return queue.poll(POLL_NANOS);
        } catch (IOException e) {
            log.log(Level.WARNING, "persistent queue: cannot read from storage (retrying in 1s): " + e.getMessage(), e);
            TimeUnit.SECONDS.sleep(1);
            return null;
        }
    }

    private void run(Job job) {
        Throwable failure = null;
        boolean keep = false;
        int unsent = 0;
        for (SendingQueue.Entry e : job.entries()) {
            unsent += e.items();
        }
        try {
            for (TelemetryBatch<?> part : job.parts()) {
                int n = Batches.count(part);
                sendAs(job.client(), part);
                unsent -= n;
            }
        } catch (ShutdownAbort e) {
            keep = true;
            failure = e;
        } catch (ConsumerException e) {
            failure = e;
            log.warning("Exporting failed. Dropping data. error=" + e.getMessage() + " dropped_items=" + unsent);
        } catch (Throwable t) {
            // a consumer survives anything a batch throws at it: the batch is dropped and counted
            failure = t;
            cs.telemetry().exporter(cs.id(), signal, "send_failed", unsent);
            // logged once per kind, counted, and an out-of-memory error reported to health_check
            io.ottl4j.collector.internal.Faults.survive(cs, log, "exporting a batch", unsent, t);
        }
        if (keep) {
            (queue.persistent() ? keptAtShutdown : lostAtShutdown).addAndGet(Math.max(0, unsent));
        }
        finish(job.entries(), keep, failure);
    }

    private void finish(List<SendingQueue.Entry> entries, boolean keep, Throwable failure) {
        for (SendingQueue.Entry e : entries) {
            try {
                queue.done(e, keep);
            } catch (IOException ex) {
                log.log(Level.WARNING, "persistent queue: cannot remove a finished entry (it will be sent again after restart): " + ex.getMessage(), ex);
            }
            if (e.waiter() != null) {
                e.waiter().completed(failure);
            }
        }
    }

    /** Partitions the batcher keeps at most (upstream's limit); the least recently used one is flushed to make room. */
    static final int MAX_PARTITIONS = 10_000;

    /** What the batcher accumulates for one partition (one combination of the partition's metadata values). */
    private static final class Pending {
        TelemetryBatch<?> acc;
        final List<SendingQueue.Entry> held = new ArrayList<>();
        long size;
        long flushAt;
    }

    /**
     * The exporter-side batcher: merges entries until {@code min_size} or {@code flush_timeout}, splits above
     * {@code max_size}; with {@code partition::metadata_keys}, one batch per distinct combination of those client
     * metadata values (upstream's key: the keys present, with their values).
     */
    private void batchLoop() {
        ExporterHelper.Batch cfg = q.batch();
        // access order: the eldest is the least recently used partition
        LinkedHashMap<String, Pending> pending = new LinkedHashMap<>(16, 0.75f, true);
        try {
            while (!stopping) {
                long now = System.nanoTime();
                long wait = POLL_NANOS;
                for (Pending p : pending.values()) {
                    wait = Math.max(0, Math.min(wait, p.flushAt - now));
                }
                SendingQueue.Entry e = wait == POLL_NANOS ? pollOrPause() : queue.poll(wait);
                if (e != null) {
                    String key = partitionKey(cfg.partitionKeys(), e.client());
                    Pending p = pending.get(key);
                    if (p == null) {
                        if (pending.size() >= MAX_PARTITIONS) {
                            Map.Entry<String, Pending> eldest = pending.entrySet().iterator().next();
                            flush(eldest.getValue(), cfg); // handed off before it leaves the map: an interrupt keeps it for shutdown
                            pending.remove(eldest.getKey());
                        }
                        p = new Pending();
                        pending.put(key, p);
                    }
                    p.size += e.items() > 0 && cfg.sizer() == Sizer.ITEMS ? e.items()
                            : cfg.sizer() == q.sizer() ? e.size() : cfg.sizer().size(e.batch());
                    if (p.acc == null) {
                        p.acc = e.batch();
                        p.flushAt = System.nanoTime() + cfg.flushTimeout().toNanos();
                    } else {
                        moveAll(e.batch(), p.acc);
                    }
                    p.held.add(e);
                }
                now = System.nanoTime();
                for (var it = pending.values().iterator(); it.hasNext();) {
                    Pending p = it.next();
                    if (p.size >= cfg.minSize() || now - p.flushAt >= 0 || (draining && e == null)) {
                        flush(p, cfg);
                        it.remove();
                    }
                }
            }
        } catch (InterruptedException e) {
            // stopping
        } catch (IOException e) {
            log.log(Level.SEVERE, "persistent queue: cannot read from storage; the batcher stops: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            log.log(Level.SEVERE, "exporter batcher failed; " + pending.values().stream().mapToInt(p -> p.held.size()).sum()
                    + " requests are not exported", e);
        }
        for (Pending p : pending.values()) {
            long n = p.held.stream().mapToLong(SendingQueue.Entry::items).sum();
            (queue.persistent() ? keptAtShutdown : lostAtShutdown).addAndGet(n);
            finish(p.held, true, new ShutdownAbort("exporter shut down before the data was sent"));
        }
    }

    private void flush(Pending p, ExporterHelper.Batch cfg) throws InterruptedException {
        jobs.put(new Job(List.copyOf(p.held), split(p.acc, cfg), batchClient(cfg.partitionKeys(), p.held)));
    }

    /** Upstream's partition key: each configured key that has values, with its values, NUL-separated. */
    static String partitionKey(List<String> keys, ClientInfo info) {
        if (keys.isEmpty()) {
            return "";
        }
        StringBuilder kb = new StringBuilder();
        for (String k : keys) {
            List<String> values = info.get(k);
            if (!values.isEmpty()) {
                if (!kb.isEmpty()) {
                    kb.append('\0');
                }
                kb.append(k);
                for (String v : values) {
                    kb.append('\0').append(v);
                }
            }
        }
        return kb.toString();
    }

    /**
     * The client info a batch is sent with, as upstream's batcher: one request keeps its own; a merged batch carries
     * the partition's metadata keys only (no partitioning: none).
     */
    static ClientInfo batchClient(List<String> keys, List<SendingQueue.Entry> held) {
        if (held.size() == 1) {
            return held.get(0).client();
        }
        if (keys.isEmpty()) {
            return ClientInfo.EMPTY;
        }
        ClientInfo first = held.get(0).client();
        Map<String, List<String>> metadata = new LinkedHashMap<>();
        for (String k : keys) {
            List<String> values = first.get(k);
            if (!values.isEmpty()) {
                metadata.put(k, values);
            }
        }
        return new ClientInfo("", metadata);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void moveAll(TelemetryBatch from, TelemetryBatch to) {
        Batches.moveAll(from, to);
    }

    private static List<TelemetryBatch<?>> split(TelemetryBatch<?> acc, ExporterHelper.Batch cfg) {
        if (cfg.maxSize() <= 0) {
            return List.of(acc);
        }
        long perPart = cfg.maxSize();
        if (cfg.sizer() == Sizer.BYTES) {
            // bytes are measured once and turned into an item count per part (items vary little in size within one batch)
            long bytes = OtlpProto.encode(acc).length;
            if (bytes <= cfg.maxSize()) {
                return List.of(acc);
            }
            perPart = Math.max(1, cfg.maxSize() * Batches.count(acc) / bytes);
        }
        return splitItems(acc, (int) Math.min(Integer.MAX_VALUE, perPart));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<TelemetryBatch<?>> splitItems(TelemetryBatch acc, int max) {
        List<TelemetryBatch<?>> parts = new ArrayList<>();
        while (Batches.count(acc) > max) {
            parts.add(Batches.split((TelemetryBatch<? extends TelemetryItem>) acc, max));
        }
        parts.add(acc);
        return parts;
    }

    /** Sends with the request's client info bound, as upstream exports a queued request with its context. */
    private void sendAs(ClientInfo client, TelemetryBatch<?> batch) throws ConsumerException {
        try {
            ClientInfo.run(client, () -> sendWithRetry(batch));
        } catch (ConsumerException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void sendWithRetry(TelemetryBatch<?> batch) throws ConsumerException {
        int n = Batches.count(batch);
        long start = System.nanoTime();
        Duration interval = s.retry().initialInterval();
        while (true) {
            if (stopping) {
                throw new ShutdownAbort("exporter is shutting down");
            }
            try {
                sender.send(batch, s.timeout());
                cs.telemetry().exporter(cs.id(), signal, "sent", n);
                return;
            } catch (ExporterHelper.SendException e) {
                if (stopping || (draining && e.retryable() && queue != null)) {
                    // while draining at shutdown an unreachable backend ends the drain: what is left is kept or reported
                    stopping = true;
                    throw new ShutdownAbort("interrupted due to shutdown: " + e.getMessage());
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                Duration max = s.retry().maxElapsedTime();
                boolean giveUp = !e.retryable() || !s.retry().enabled() || (!max.isZero() && elapsed.compareTo(max) >= 0);
                if (giveUp) {
                    cs.telemetry().exporter(cs.id(), signal, "send_failed", n);
                    throw new ConsumerException((e.retryable() ? "" : "permanent error: ") + e.getMessage(), !e.retryable(), -1, e);
                }
                Duration wait = e.retryAfter() != null ? e.retryAfter() : s.retry().jittered(interval);
                if (!max.isZero() && elapsed.plus(wait).compareTo(max) > 0) {
                    wait = max.minus(elapsed);
                }
                Duration delay = wait;
                log.info(() -> "Exporting failed. Will retry the request after interval. error=" + e.getMessage()
                        + " interval=" + delay.toMillis() + "ms"); // upstream logs the interval as a field too
                try {
                    sleep(wait);
                } catch (InterruptedException ie) {
                    // the back-off was cut by shutdown: the backend is failing, so the drain ends here too
                    stopping = true;
                    throw new ShutdownAbort("interrupted due to shutdown while retrying: " + e.getMessage());
                }
                interval = s.retry().next(interval);
            }
        }
    }

    /** Back-off that ends early when shutdown begins (draining makes no further attempts after a back-off). */
    private void sleep(Duration d) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        while (!stopping && !draining) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 50_000_000L));
        }
        throw new InterruptedException("shutdown");
    }

    @Override
    public void shutdown() throws Exception {
        accepting = false;
        draining = true;
        try {
            if (queue != null) {
                drainAndStop();
            }
        } finally {
            stopping = true;
            if (queueGauges != null) {
                queueGauges.close();
            }
            if (onShutdown != null) {
                onShutdown.close();
            }
        }
    }

    private void drainAndStop() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + ShutdownBudget.remaining(REPORT_MARGIN, DRAIN_FALLBACK).toNanos();
        while (!stopping && !queue.drained() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        stopping = true;
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(1));
        }
        if (jobs != null) {
            for (Job j : jobs) {
                long n = j.entries().stream().mapToLong(SendingQueue.Entry::items).sum();
                (queue.persistent() ? keptAtShutdown : lostAtShutdown).addAndGet(n);
                finish(j.entries(), true, new ShutdownAbort("exporter shut down before the data was sent"));
            }
            jobs.clear();
        }
        long waiting = queue.itemsWaiting();
        if (queue.persistent()) {
            long kept = waiting + keptAtShutdown.get();
            if (kept > 0) {
                log.info("Shutdown before the sending queue drained: " + kept + " " + unit() + " stay in the persistent queue (storage "
                        + q.storage() + ") and will be exported after restart");
            }
        } else {
            long lost = waiting + lostAtShutdown.get();
            if (lost > 0) {
                cs.telemetry().exporter(cs.id(), signal, "send_failed", lost);
                log.warning("Dropping data at shutdown: dropped " + lost + " " + unit() + " that were not exported before the shutdown deadline "
                        + "(in-memory sending_queue; set sending_queue::storage to keep them across restarts)");
            }
        }
        queue.close();
    }
}
