package io.ottl4j.collector.processor.tailsampling;

import io.ottl4j.collector.processor.tailsampling.internal.IdCache;
import io.ottl4j.collector.processor.tailsampling.internal.TailSamplingTelemetry;
import io.ottl4j.collector.processor.tailsampling.policy.Decision;
import io.ottl4j.collector.processor.tailsampling.policy.TraceData;
import io.ottl4j.pdata.TraceId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The traces of one shard (trace IDs hashed over {@code num_shards}): its own lock, trace map, decision
 * buckets and decision caches, so ingesting into a busy shard never holds up another shard's decisions.
 *
 * <p>Decision timing follows upstream: one bucket per second of {@code decision_wait}; a new trace is due
 * {@code decision_wait} ticks after it arrived; {@code decision_wait_after_root_received} moves it to an
 * earlier tick when its root span arrives. Without a decision cache a decided trace stays in the map
 * (decision only, spans released) until {@code num_traces} pressure evicts it, so late spans follow it.
 */
final class Shard {
    /** A trace in memory: its spans while pending, then only its decision. */
    static final class Entry {
        final TraceData data;
        long dueTick;
        Decision decision = Decision.PENDING;
        long decidedNanos;

        Entry(TraceData data, long dueTick) {
            this.data = data;
            this.dueTick = dueTick;
        }
    }

    final int index;
    final ReentrantLock lock = new ReentrantLock();
    private final Condition space = lock.newCondition();
    final LinkedHashMap<TraceId, Entry> traces;
    private final ArrayList<Entry>[] buckets;
    long tick;
    final IdCache sampled;
    final IdCache notSampled;
    final int capacity;
    TailSamplingTelemetry telemetry;

    @SuppressWarnings("unchecked")
    Shard(int index, int capacity, int buckets, int expectedTraces, int sampledCacheSize, int notSampledCacheSize) {
        this.index = index;
        this.capacity = Math.max(1, capacity);
        this.traces = new LinkedHashMap<>(Math.max(16, Math.min(expectedTraces * 4 / 3 + 1, this.capacity)));
        this.buckets = new ArrayList[Math.max(1, buckets)];
        for (int i = 0; i < this.buckets.length; i++) {
            this.buckets[i] = new ArrayList<>();
        }
        this.sampled = new IdCache(sampledCacheSize);
        this.notSampled = new IdCache(notSampledCacheSize);
    }

    int bucketCount() {
        return buckets.length;
    }

    /** Schedules {@code e} for tick {@code due}. */
    void schedule(Entry e, long due) {
        e.dueTick = due;
        buckets[(int) Math.floorMod(due, (long) buckets.length)].add(e);
    }

    /** Advances one tick and returns the traces due now (still pending). Caller holds the lock. */
    List<Entry> advance() {
        tick++;
        int b = (int) Math.floorMod(tick, (long) buckets.length);
        ArrayList<Entry> due = buckets[b];
        buckets[b] = new ArrayList<>();
        due.removeIf(e -> e.decision != Decision.PENDING || e.dueTick != tick);
        return due;
    }

    /** Every pending trace, oldest first (shutdown). Caller holds the lock. */
    List<Entry> pending() {
        List<Entry> out = new ArrayList<>();
        for (Entry e : traces.values()) {
            if (e.decision == Decision.PENDING) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Makes room for one more trace: evicts the oldest trace (an undecided one counts as dropped too early)
     * or, with {@code block}, evicts only decided ones and otherwise waits for a tick to decide some.
     * Returns false when {@code stopping} ends the wait. Caller holds the lock.
     */
    boolean makeRoom(boolean block, long now, java.util.function.BooleanSupplier stopping) throws InterruptedException {
        while (traces.size() >= capacity) {
            Iterator<Map.Entry<TraceId, Entry>> it = traces.entrySet().iterator();
            Entry eldest = it.next().getValue();
            if (block && eldest.decision == Decision.PENDING) {
                if (stopping.getAsBoolean()) {
                    return false;
                }
                space.await(100, TimeUnit.MILLISECONDS);
                continue;
            }
            it.remove();
            if (eldest.decision == Decision.PENDING) {
                eldest.decision = Decision.NOT_SAMPLED;
                eldest.data.release();
                telemetry.droppedTooEarly();
            }
            telemetry.removal((now - eldest.data.arrivalNanos()) / 1_000_000_000L);
        }
        return true;
    }

    /** Wakes producers blocked in {@link #makeRoom}. Caller holds the lock. */
    void signalSpace() {
        space.signalAll();
    }
}
