package io.ottl4j.collector.processor.batch;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.internal.Batches;
import io.ottl4j.collector.internal.Faults;
import io.ottl4j.collector.telemetry.SelfTelemetry;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Collects batches on a worker thread. {@code consume} hands the batch over and returns at once (the caller
 * blocks only when the hand-over queue is full); errors of the next consumer are logged and the data dropped,
 * as upstream. Sends when the pending item count reaches send_batch_size (splitting at send_batch_max_size),
 * on the timer, and on shutdown (after draining the queue).
 */
final class BatchProcessor implements ProcessorFactory.Processor {
    private static final TelemetryBatch<?> STOP = TelemetryBatch.traces();

    private final CreateSettings settings;
    private final BatchProcessorFactory.Config config;
    private final Signal signal;
    private final Consumer next;
    private final Logger log;
    private final BlockingQueue<TelemetryBatch<?>> queue = new ArrayBlockingQueue<>(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private TelemetryBatch<?> pending;
    private int pendingCount;
    private Thread worker;
    private volatile boolean stopping;
    /** The client info the batches are sent with: only the metadata_keys values of this shard (null: none). */
    private final ClientInfo exported;

    BatchProcessor(CreateSettings settings, BatchProcessorFactory.Config config, Signal signal, Consumer next) {
        this(settings, config, signal, next, null);
    }

    BatchProcessor(CreateSettings settings, BatchProcessorFactory.Config config, Signal signal, Consumer next, ClientInfo exported) {
        this.exported = exported;
        this.settings = settings;
        this.config = config;
        this.signal = signal;
        this.next = next;
        this.log = settings.logger(signal);
        this.pending = TelemetryBatch.of(signal);
    }

    @Override
    public boolean mutatesData() {
        return true; // it moves resource groups out of the batches it receives
    }

    @Override
    public void start(Host host) {
        String shard = exported == null || exported.metadata().isEmpty() ? "" : "-" + exported.metadata();
        worker = io.ottl4j.collector.internal.WorkerThreads.start("batch-" + settings.id() + "-" + signal.name().toLowerCase() + shard, this::run);
    }

    @Override
    public void consume(TelemetryBatch<?> batch) throws InterruptedException {
        if (stopping) {
            throw new IllegalStateException("the batch processor is shutting down");
        }
        settings.telemetry().processor(settings.id(), signal, "incoming", Batches.count(batch));
        queue.put(batch);
    }

    private void run() {
        long timeoutNanos = config.timeout().toNanos();
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            while (true) {
                TelemetryBatch<?> b;
                if (timeoutNanos > 0) {
                    long wait = deadline - System.nanoTime();
                    b = wait <= 0 ? null : queue.poll(wait, TimeUnit.NANOSECONDS);
                } else {
                    b = queue.take();
                }
                if (b == STOP) {
                    break;
                }
                if (b == null) {
                    if (pendingCount > 0) {
                        sendAll(SelfTelemetry.Trigger.TIMEOUT);
                    }
                    deadline = System.nanoTime() + timeoutNanos;
                    continue;
                }
                try {
                    add(b);
                } catch (Throwable t) { // a batch that cannot be merged is dropped; the worker goes on
                    Faults.survive(settings, log, "adding a batch", Batches.count(b), t);
                    continue;
                }
                boolean sent = false;
                while (pendingCount > 0 && (pendingCount >= config.sendBatchSize() || timeoutNanos == 0)) {
                    sendOne(SelfTelemetry.Trigger.SIZE);
                    sent = true;
                }
                if (sent) {
                    deadline = System.nanoTime() + timeoutNanos;
                }
            }
            // drain what arrived before shutdown, then flush
            TelemetryBatch<?> b;
            while ((b = queue.poll()) != null) {
                if (b != STOP) {
                    try {
                        add(b);
                    } catch (Throwable t) {
                        Faults.survive(settings, log, "adding a batch", Batches.count(b), t);
                    }
                }
            }
            while (pendingCount > 0) {
                sendOne(SelfTelemetry.Trigger.TIMEOUT); // upstream counts the shutdown flush as a timeout trigger
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void add(TelemetryBatch<?> b) {
        pendingCount += Batches.count(b);
        Batches.moveAll(b, pending);
    }

    private void sendOne(SelfTelemetry.Trigger trigger) {
        int max = config.sendBatchMaxSize();
        if (max > 0 && pendingCount > max) {
            TelemetryBatch<?> out;
            try {
                out = Batches.split(pending, max);
            } catch (Throwable t) { // a batch that cannot be split: drop what is pending rather than spin
                Faults.survive(settings, log, "splitting a batch", pendingCount, t);
                pending = TelemetryBatch.of(signal);
                pendingCount = 0;
                return;
            }
            pendingCount -= max;
            send(out, max, trigger);
            return;
        }
        sendAll(trigger);
    }

    private void sendAll(SelfTelemetry.Trigger trigger) {
        TelemetryBatch<?> out = pending;
        int n = pendingCount;
        pending = TelemetryBatch.of(signal);
        pendingCount = 0;
        send(out, n, trigger);
    }

    private void send(TelemetryBatch<?> out, int count, SelfTelemetry.Trigger trigger) {
        try {
            if (exported == null) {
                next.consume(out);
            } else {
                ClientInfo.run(exported, () -> next.consume(out));
            }
            settings.telemetry().processor(settings.id(), signal, "outgoing", count);
            settings.telemetry().batchSent(settings.id(), trigger, count);
        } catch (Exception e) {
            log.log(Level.WARNING, "Sender failed: " + Faults.describe(e));
        } catch (Throwable t) { // e.g. a stack overflow in a later component: drop, count, go on
            Faults.survive(settings, log, "sending a batch", count, t);
        }
    }

    @Override
    public void shutdown() throws InterruptedException {
        stopping = true;
        if (worker == null) {
            return;
        }
        queue.put(STOP);
        worker.join(java.time.Duration.ofSeconds(30));
    }
}
