package io.ottl4j.collector.exporter.internal;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.internal.Batches;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayDeque;

/** The in-memory sending queue: bounded by {@code queue_size} in sizer units. */
final class MemoryQueue extends BoundedQueue {
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long nextId;
    private long handedOut;

    MemoryQueue(long capacity) {
        super(capacity);
    }

    @Override
    public boolean offer(TelemetryBatch<?> batch, long bsize, boolean block, Waiter waiter) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (!awaitRoom(bsize, block)) {
                return false;
            }
            int n = Batches.count(batch);
            entries.addLast(new Entry(batch, nextId++, bsize, n, waiter, ClientInfo.current()));
            size += bsize;
            items += n;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Entry poll(long nanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long left = nanos;
            while (entries.isEmpty()) {
                if (left <= 0) {
                    return null;
                }
                left = notEmpty.awaitNanos(left);
            }
            Entry e = entries.removeFirst();
            handedOut++;
            size -= e.size();
            items -= e.items();
            notFull.signalAll();
            return e;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void done(Entry entry, boolean keep) {
        // nothing is kept: the caller counts what an in-memory queue loses at shutdown
        lock.lock();
        try {
            handedOut--;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean drained() {
        lock.lock();
        try {
            return entries.isEmpty() && handedOut == 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            for (Entry e : entries) {
                if (e.waiter() != null) {
                    e.waiter().completed(new IllegalStateException("exporter shut down before the data was sent"));
                }
            }
            entries.clear();
            size = 0;
            items = 0;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

}
