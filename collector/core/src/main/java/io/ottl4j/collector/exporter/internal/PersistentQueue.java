package io.ottl4j.collector.exporter.internal;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.extension.storage.StorageClient;
import io.ottl4j.collector.extension.storage.StorageClient.Operation;
import io.ottl4j.collector.internal.Batches;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The persistent sending queue, with upstream's design: items live in a storage client under consecutive
 * indexes between a read index ({@code ri}) and a write index ({@code wi}); the indexes handed to consumers
 * but not yet finished are listed under {@code di}. Every change is one atomic storage batch:
 * <ul>
 * <li>offer: item, {@code wi} and size — written before {@code consume} returns, i.e. before the receiver
 * acknowledges;</li>
 * <li>poll: {@code ri}, {@code di} and size;</li>
 * <li>done: the item deleted and removed from {@code di} — only after the export finished (sent, or dropped
 * as permanent / out of retries); an export cut short by shutdown stays in {@code di}.</li>
 * </ul>
 * On start, items left in {@code di} (by a crash or a shutdown) are appended again, so they are delivered at
 * least once. Values are {@code [version][signal][items][size][OTLP protobuf]} (version 1) or, version 2,
 * {@code [2][signal][items][size][client info length][client info][OTLP protobuf]}: the client info (address and
 * metadata) of the request is kept with it, as upstream's persistent queue keeps the request's client metadata.
 */
final class PersistentQueue extends BoundedQueue {
    private static final byte VERSION = 2;
    private static final String READ = "ri";
    private static final String WRITE = "wi";
    private static final String DISPATCHED = "di";
    private static final String SIZE = "qs";
    private static final String ITEMS = "qi";

    private final StorageClient client;
    private final Signal signal;
    private final Logger log;
    private final Set<Long> dispatched = new LinkedHashSet<>();
    private final Map<Long, Waiter> waiters = new HashMap<>();
    private long read;
    private long write;

    PersistentQueue(StorageClient client, Signal signal, long capacity, Logger log) throws IOException {
        super(capacity);
        this.client = client;
        this.signal = signal;
        this.log = log;
        restore();
    }

    private void restore() throws IOException {
        read = decodeLong(client.get(READ));
        write = decodeLong(client.get(WRITE));
        size = decodeLong(client.get(SIZE));
        items = decodeLong(client.get(ITEMS));
        List<Long> left = decodeList(client.get(DISPATCHED));
        int moved = 0;
        long movedItems = 0;
        if (!left.isEmpty()) {
            List<Operation> ops = new ArrayList<>();
            for (long idx : left) {
                byte[] v = client.get(key(idx));
                if (v == null) {
                    continue;
                }
                ByteBuffer b = ByteBuffer.wrap(v);
                int n = b.getInt(2);
                ops.add(Operation.set(key(write), v));
                ops.add(Operation.delete(key(idx)));
                write++;
                size += b.getLong(6);
                items += n;
                movedItems += n;
                moved++;
            }
            ops.add(Operation.set(WRITE, encodeLong(write)));
            ops.add(Operation.set(SIZE, encodeLong(size)));
            ops.add(Operation.set(ITEMS, encodeLong(items)));
            ops.add(Operation.delete(DISPATCHED));
            client.batch(ops);
        }
        if (write > read) {
            log.info("Restored " + (write - read) + " requests (" + items + " " + unit() + ") from the persistent queue"
                    + (moved > 0 ? "; " + moved + " of them (" + movedItems + " " + unit() + ") were being exported when the previous run ended and "
                            + "are sent again" : ""));
        }
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
    public boolean offer(TelemetryBatch<?> batch, long bsize, boolean block, Waiter waiter) throws InterruptedException, IOException {
        byte[] proto = OtlpProto.encode(batch);
        byte[] info = ClientInfoCodec.encode(ClientInfo.current());
        int n = Batches.count(batch);
        ByteBuffer v = ByteBuffer.allocate(18 + info.length + proto.length);
        v.put(VERSION).put((byte) signal.ordinal()).putInt(n).putLong(bsize).putInt(info.length).put(info).put(proto);
        lock.lockInterruptibly();
        try {
            if (!awaitRoom(bsize, block)) {
                return false;
            }
            long idx = write;
            client.batch(List.of(Operation.set(key(idx), v.array()), Operation.set(WRITE, encodeLong(idx + 1)),
                    Operation.set(SIZE, encodeLong(size + bsize)), Operation.set(ITEMS, encodeLong(items + n))));
            write = idx + 1;
            size += bsize;
            items += n;
            if (waiter != null) {
                waiters.put(idx, waiter);
            }
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Entry poll(long nanos) throws InterruptedException, IOException {
        lock.lockInterruptibly();
        try {
            long left = nanos;
            while (true) {
                while (read >= write) {
                    if (left <= 0) {
                        return null;
                    }
                    left = notEmpty.awaitNanos(left);
                }
                long idx = read;
                byte[] v = client.get(key(idx));
                dispatched.add(idx);
                long s = v == null ? 0 : ByteBuffer.wrap(v).getLong(6);
                int n = v == null ? 0 : ByteBuffer.wrap(v).getInt(2);
                client.batch(List.of(Operation.set(READ, encodeLong(idx + 1)), Operation.set(DISPATCHED, encodeList(dispatched)),
                        Operation.set(SIZE, encodeLong(Math.max(0, size - s))), Operation.set(ITEMS, encodeLong(Math.max(0, items - n)))));
                read = idx + 1;
                size = Math.max(0, size - s);
                items = Math.max(0, items - n);
                notFull.signalAll();
                if (v == null) {
                    // a hole left by storage damage: already reported by the storage; skip it
                    log.warning("persistent queue: item " + idx + " is missing from storage; skipped");
                    dispatched.remove(idx);
                    client.set(DISPATCHED, encodeList(dispatched));
                    continue;
                }
                TelemetryBatch<?> batch;
                ClientInfo info = ClientInfo.EMPTY;
                try {
                    int start = 14;
                    if (v[0] >= 2) {
                        int len = ByteBuffer.wrap(v).getInt(14);
                        info = ClientInfoCodec.decode(java.util.Arrays.copyOfRange(v, 18, 18 + len));
                        start = 18 + len;
                    }
                    batch = OtlpProto.decode(Signal.values()[v[1]], java.util.Arrays.copyOfRange(v, start, v.length));
                } catch (RuntimeException e) {
                    log.warning("persistent queue: item " + idx + " cannot be decoded (" + e.getMessage() + "); " + n + " " + unit()
                            + " dropped");
                    dispatched.remove(idx);
                    client.batch(List.of(Operation.delete(key(idx)), Operation.set(DISPATCHED, encodeList(dispatched))));
                    continue;
                }
                return new Entry(batch, idx, s, n, waiters.remove(idx), info);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void done(Entry entry, boolean keep) throws IOException {
        if (keep) {
            return; // stays listed under di: queued again on the next start
        }
        lock.lock();
        try {
            dispatched.remove(entry.id());
            client.batch(List.of(Operation.delete(key(entry.id())), Operation.set(DISPATCHED, encodeList(dispatched))));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean drained() {
        lock.lock();
        try {
            return read >= write && dispatched.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Items handed to consumers and not finished: kept in storage for the next start. */
    long dispatchedCount() {
        lock.lock();
        try {
            return dispatched.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            for (Waiter w : waiters.values()) {
                w.completed(new IllegalStateException("exporter shut down; the data stays in the persistent queue"));
            }
            waiters.clear();
            client.close();
        } finally {
            lock.unlock();
        }
    }

    private static String key(long idx) {
        return Long.toString(idx);
    }

    private static byte[] encodeLong(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    private static long decodeLong(byte[] b) {
        return b == null || b.length != 8 ? 0 : ByteBuffer.wrap(b).getLong();
    }

    private static byte[] encodeList(Set<Long> list) {
        ByteBuffer b = ByteBuffer.allocate(4 + 8 * list.size()).putInt(list.size());
        for (long l : list) {
            b.putLong(l);
        }
        return b.array();
    }

    private static List<Long> decodeList(byte[] bytes) {
        List<Long> out = new ArrayList<>();
        if (bytes == null || bytes.length < 4) {
            return out;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int n = b.getInt();
        for (int i = 0; i < n && b.remaining() >= 8; i++) {
            out.add(b.getLong());
        }
        return out;
    }
}
