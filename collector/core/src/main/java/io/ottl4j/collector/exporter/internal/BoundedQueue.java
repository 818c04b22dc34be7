package io.ottl4j.collector.exporter.internal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** What both sending queues share: one lock, room and content conditions, size in sizer units and the item count. */
abstract class BoundedQueue implements SendingQueue {
    protected final ReentrantLock lock = new ReentrantLock();
    protected final Condition notEmpty = lock.newCondition();
    protected final Condition notFull = lock.newCondition();
    protected final long capacity;
    protected long size;
    protected long items;

    BoundedQueue(long capacity) {
        this.capacity = capacity;
    }

    /**
     * With the lock held: whether {@code bsize} more fits, waiting for room when {@code block}. A request larger than
     * the whole queue still goes into an empty one, or it could never be sent.
     */
    protected boolean awaitRoom(long bsize, boolean block) throws InterruptedException {
        while (size > 0 && size + bsize > capacity) {
            if (!block) {
                return false;
            }
            notFull.await();
        }
        return true;
    }

    @Override
    public long size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long itemsWaiting() {
        lock.lock();
        try {
            return items;
        } finally {
            lock.unlock();
        }
    }
}
