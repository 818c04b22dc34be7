package io.ottl4j.collector.exporter.internal;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.IOException;

/**
 * The exporter's queue between {@code consume} (the pipeline) and the consumers that export: in memory, or
 * persisted through a storage extension. Sizes are in the configured {@link Sizer}'s units.
 */
public interface SendingQueue {
    /** An in-memory queue of {@code capacity} sizer units. */
    static SendingQueue memory(long capacity) {
        return new MemoryQueue(capacity);
    }

    /** A persistent queue of {@code capacity} sizer units in {@code client}'s key space. */
    static SendingQueue persistent(io.ottl4j.collector.extension.storage.StorageClient client, io.ottl4j.pdata.Signal signal, long capacity,
            java.util.logging.Logger log) throws IOException {
        return new PersistentQueue(client, signal, capacity, log);
    }

    /**
     * Adds a batch with the caller's {@link ClientInfo#current() client info}; false when it does not fit (and
     * {@code block} is false). With {@code block}, waits for room.
     */
    boolean offer(TelemetryBatch<?> batch, long size, boolean block, Waiter waiter) throws InterruptedException, IOException;

    /** The next entry, waiting at most {@code nanos}; null when none came. */
    Entry poll(long nanos) throws InterruptedException, IOException;

    /**
     * The entry's export is over. {@code keep}: the export was cut short by shutdown, so a persistent queue keeps
     * the entry to deliver it after restart (an in-memory queue cannot).
     */
    void done(Entry entry, boolean keep) throws IOException;

    long size();

    /** Nothing waiting and nothing handed out unfinished. */
    boolean drained();

    /** Items (spans, points, records) waiting, for the shutdown report. */
    long itemsWaiting();

    boolean persistent();

    void close() throws IOException;

    /** Completed when the entry's export is over (wait_for_result). */
    interface Waiter {
        void completed(Throwable failure);
    }

    /**
     * A dequeued batch and what its queue needs to finish it. {@code client}: the client info bound when the batch
     * was queued (upstream keeps the request's context with a queued request, in memory and on disk), so the export
     * runs with it (headers_setter, kafka's include_metadata_keys, batch partitioning by metadata keys).
     */
    record Entry(TelemetryBatch<?> batch, long id, long size, int items, Waiter waiter, ClientInfo client) {
        public Entry {
            client = client == null ? ClientInfo.EMPTY : client;
        }
    }
}
