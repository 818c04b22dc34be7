package io.ottl4j.collector.extension.filestorage;

import io.ottl4j.collector.extension.storage.StorageClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32C;

/**
 * One storage client's data: an append-only log of framed records plus an in-memory index of where each key's
 * current value lies in the file.
 *
 * <p>File layout: an 8-byte file magic, then records {@code [int RECORD_MAGIC][int length][int crc32c][payload]}.
 * A payload is one {@link StorageClient#batch} (or one set/delete): {@code [int n]} then n operations
 * {@code [byte op][int keyLength][key][int valueLength][value]} (no value for a delete). A batch is one
 * {@code write} call, so a crash leaves either the whole record or a torn one whose checksum fails; a torn or
 * corrupt record is skipped on open (the reader searches for the next record magic with a valid checksum, so
 * intact records after the damage are kept), the damage is logged with offsets, the original file is kept
 * beside as {@code <file>.corrupt-<millis>} and the log is rewritten clean.
 *
 * <p>Writes reach the operating system before a call returns (no user-space buffer), so they survive a killed
 * process; {@code fsync} additionally forces them to the device after each write (power loss). Values are not
 * held in memory: a get reads them back from the file. Deleted and overwritten values are garbage until a
 * compaction rewrites the live entries into a temporary file and renames it over the log.
 */
final class KvLog implements StorageClient {
    private static final Logger LOG = Logger.getLogger(KvLog.class.getName());
    private static final byte[] FILE_MAGIC = "OTL4JKV1".getBytes(StandardCharsets.US_ASCII);
    static final int RECORD_MAGIC = 0x4B564C47;
    private static final int HEADER = 12;
    private static final byte SET = 1;
    private static final byte DELETE = 2;
    /** Records above this are corrupt lengths, not data (upstream's bbolt has no such limit; 1 GiB is far above any batch). */
    private static final int MAX_RECORD = 1 << 30;

    /** Where a live value lies in the file. */
    private record Slot(long offset, int length) {
    }

    private final Path file;
    private final FileStorageConfig config;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<String, Slot> index = new HashMap<>();
    private FileChannel channel;
    private long size;
    private long liveBytes;
    private boolean closed;

    private KvLog(Path file, FileStorageConfig config, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.config = config;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (creating or recovering) the log at {@code file}, waiting up to the configured timeout for its lock. */
    static KvLog open(Path file, FileStorageConfig config) throws IOException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        FileChannel lc = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l = acquire(lc, file, config.timeout());
        KvLog log = new KvLog(file, config, lc, l);
        try {
            log.load();
            if (config.compaction().onStart()) {
                log.compact();
            }
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
        return log;
    }

    private static FileLock acquire(FileChannel lc, Path file, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                FileLock l = lc.tryLock();
                if (l != null) {
                    return l;
                }
            } catch (OverlappingFileLockException e) {
                // held by this JVM: same answer as another process holding it
            }
            if (System.nanoTime() >= deadline) {
                lc.close();
                throw new IOException("timeout after " + timeout + " waiting for the lock on " + file
                        + " (is another collector using the same directory?)");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lc.close();
                throw new IOException("interrupted waiting for the lock on " + file, e);
            }
        }
    }

    /** Replays the log into the index; damaged regions are skipped, logged and the log is rewritten. */
    private void load() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long fileSize = channel.size();
        if (fileSize == 0) {
            channel.write(ByteBuffer.wrap(FILE_MAGIC), 0);
            size = FILE_MAGIC.length;
            return;
        }
        boolean damaged = false;
        ByteBuffer magic = ByteBuffer.allocate(FILE_MAGIC.length);
        readFully(magic, 0);
        if (fileSize < FILE_MAGIC.length || !java.util.Arrays.equals(magic.array(), FILE_MAGIC)) {
            LOG.warning(() -> "file_storage: " + file + " does not start with the storage file header; scanning it for intact records");
            damaged = true;
        }
        long pos = FILE_MAGIC.length;
        int records = 0;
        while (pos < fileSize) {
            int len = recordAt(pos, fileSize);
            if (len >= 0) {
                apply(pos);
                pos += HEADER + len;
                records++;
                continue;
            }
            damaged = true;
            long next = nextRecord(pos + 1, fileSize);
            long from = pos;
            if (next < 0) {
                LOG.warning(() -> "file_storage: " + file + ": " + (fileSize - from) + " bytes at offset " + from
                        + " are a truncated or corrupt record (e.g. a write cut short by a crash); they are dropped, the "
                        + "records before them are kept");
                break;
            }
            LOG.warning(() -> "file_storage: " + file + ": " + (next - from) + " corrupt bytes at offset " + from
                    + " skipped; reading resumes at the next intact record (offset " + next + ")");
            pos = next;
        }
        size = Math.min(pos, fileSize);
        if (damaged) {
            Path keep = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
            Files.copy(file, keep, StandardCopyOption.REPLACE_EXISTING);
            int kept = records;
            LOG.warning(() -> "file_storage: recovered " + kept + " intact records (" + index.size() + " keys) from " + file
                    + "; the damaged original is kept as " + keep + " and the log is rewritten");
            compact();
        }
    }

    /** The payload length of a valid record at {@code pos}, or -1. */
    private int recordAt(long pos, long fileSize) throws IOException {
        if (pos + HEADER > fileSize) {
            return -1;
        }
        ByteBuffer h = ByteBuffer.allocate(HEADER);
        readFully(h, pos);
        h.flip();
        if (h.getInt() != RECORD_MAGIC) {
            return -1;
        }
        int len = h.getInt();
        int crc = h.getInt();
        if (len < 4 || len > MAX_RECORD || pos + HEADER + len > fileSize) {
            return -1;
        }
        ByteBuffer p = ByteBuffer.allocate(len);
        readFully(p, pos + HEADER);
        CRC32C c = new CRC32C();
        c.update(p.array(), 0, len);
        return (int) c.getValue() == crc ? len : -1;
    }

    private long nextRecord(long from, long fileSize) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long pos = from;
        while (pos + HEADER <= fileSize) {
            buf.clear();
            int n = channel.read(buf, pos);
            if (n < 4) {
                return -1;
            }
            for (int i = 0; i + 4 <= n; i++) {
                if (buf.getInt(i) == RECORD_MAGIC && recordAt(pos + i, fileSize) >= 0) {
                    return pos + i;
                }
            }
            pos += n - 3;
        }
        return -1;
    }

    /** Applies the (valid) record at {@code pos} to the index. */
    private void apply(long pos) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(HEADER);
        readFully(h, pos);
        int len = h.getInt(4);
        ByteBuffer p = ByteBuffer.allocate(len);
        readFully(p, pos + HEADER);
        p.flip();
        long base = pos + HEADER;
        int n = p.getInt();
        for (int i = 0; i < n; i++) {
            byte op = p.get();
            int kl = p.getInt();
            String key = new String(p.array(), p.position(), kl, StandardCharsets.UTF_8);
            p.position(p.position() + kl);
            if (op == SET) {
                int vl = p.getInt();
                put(key, new Slot(base + p.position(), vl));
                p.position(p.position() + vl);
            } else {
                remove(key);
            }
        }
    }

    private void put(String key, Slot slot) {
        Slot old = index.put(key, slot);
        if (old != null) {
            liveBytes -= old.length();
        }
        liveBytes += slot.length();
    }

    private void remove(String key) {
        Slot old = index.remove(key);
        if (old != null) {
            liveBytes -= old.length();
        }
    }

    private void readFully(ByteBuffer b, long pos) throws IOException {
        long p = pos;
        while (b.hasRemaining()) {
            int n = channel.read(b, p);
            if (n < 0) {
                return;
            }
            p += n;
        }
    }

    private byte[] read(Slot s) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(s.length());
        readFully(b, s.offset());
        if (b.hasRemaining()) {
            throw new IOException("file_storage: " + file + " is shorter than its index (was it truncated while open?)");
        }
        return b.array();
    }

    @Override
    public synchronized byte[] get(String key) throws IOException {
        ensureOpen();
        Slot s = index.get(key);
        return s == null ? null : read(s);
    }

    @Override
    public void set(String key, byte[] value) throws IOException {
        batch(List.of(Operation.set(key, value)));
    }

    @Override
    public void delete(String key) throws IOException {
        batch(List.of(Operation.delete(key)));
    }

    @Override
    public synchronized void batch(List<Operation> operations) throws IOException {
        ensureOpen();
        List<Operation> writes = new ArrayList<>(operations.size());
        int payload = 4;
        for (Operation op : operations) {
            if (op instanceof Operation.Get g) {
                // reads see the writes before them in the same batch
                g.value(pending(writes, g.key()));
                continue;
            }
            writes.add(op);
            payload += 1 + 4 + utf8(op.key()).length + (op instanceof Operation.Set s ? 4 + s.value().length : 0);
        }
        if (writes.isEmpty()) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(HEADER + payload);
        buf.putInt(RECORD_MAGIC).putInt(payload).putInt(0);
        buf.putInt(writes.size());
        List<Slot> slots = new ArrayList<>(writes.size());
        for (Operation op : writes) {
            byte[] k = utf8(op.key());
            buf.put(op instanceof Operation.Set ? SET : DELETE).putInt(k.length).put(k);
            if (op instanceof Operation.Set s) {
                buf.putInt(s.value().length);
                slots.add(new Slot(size + buf.position(), s.value().length));
                buf.put(s.value());
            } else {
                slots.add(null);
            }
        }
        CRC32C c = new CRC32C();
        c.update(buf.array(), HEADER, payload);
        buf.putInt(8, (int) c.getValue());
        buf.flip();
        long at = size;
        while (buf.hasRemaining()) {
            at += channel.write(buf, at);
        }
        if (config.fsync()) {
            channel.force(false);
        }
        size = at;
        for (int i = 0; i < writes.size(); i++) {
            Operation op = writes.get(i);
            if (slots.get(i) != null) {
                put(op.key(), slots.get(i));
            } else {
                remove(op.key());
            }
        }
        maybeCompact();
    }

    private byte[] pending(List<Operation> writes, String key) throws IOException {
        for (int i = writes.size() - 1; i >= 0; i--) {
            Operation w = writes.get(i);
            if (w.key().equals(key)) {
                return w instanceof Operation.Set s ? s.value() : null;
            }
        }
        Slot s = index.get(key);
        return s == null ? null : read(s);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An append-only log grows with every write, where bbolt reuses its free pages; so garbage is bounded here
     * whatever the compaction settings: once dead bytes exceed both the live bytes and 16 MiB, the log is
     * rewritten (amortised, each live byte is copied at most once per byte of garbage).
     */
    private void maybeCompact() throws IOException {
        long garbage = size - liveBytes;
        if (garbage > 16L * 1024 * 1024 && garbage > liveBytes) {
            compact();
        }
    }

    /** File size including garbage (what upstream calls the allocated size). */
    synchronized long allocatedBytes() {
        return size;
    }

    /** Bytes of live values. */
    synchronized long liveBytes() {
        return liveBytes;
    }

    synchronized int keyCount() {
        return index.size();
    }

    /**
     * Rewrites the live entries into a temporary file in the compaction directory ({@code tempdb*}, as upstream,
     * so {@code cleanup_on_start} finds leftovers), at most {@code max_transaction_size} entries per record, forces
     * it to disk and renames it over the log.
     */
    synchronized void compact() throws IOException {
        ensureOpen();
        Path dir = config.compaction().directory().isEmpty() ? file.getParent() : Path.of(config.compaction().directory());
        Path tmp = Files.createTempFile(dir, "tempdb", ".compact");
        Map<String, Slot> fresh = new HashMap<>();
        long fresLive = 0;
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(FILE_MAGIC));
            long pos = FILE_MAGIC.length;
            long perRecord = config.compaction().maxTransactionSize() <= 0 ? Long.MAX_VALUE : config.compaction().maxTransactionSize();
            List<Map.Entry<String, Slot>> entries = new ArrayList<>(index.entrySet());
            int i = 0;
            while (i < entries.size()) {
                int end = (int) Math.min(entries.size(), i + perRecord);
                List<Operation> ops = new ArrayList<>(end - i);
                for (int j = i; j < end; j++) {
                    ops.add(Operation.set(entries.get(j).getKey(), read(entries.get(j).getValue())));
                }
                pos = writeRecord(out, pos, ops, fresh);
                i = end;
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        for (Slot s : fresh.values()) {
            fresLive += s.length();
        }
        channel.close();
        moveOver(tmp, file);
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        size = channel.size();
        index.clear();
        index.putAll(fresh);
        liveBytes = fresLive;
    }

    private static long writeRecord(FileChannel out, long pos, List<Operation> ops, Map<String, Slot> slots) throws IOException {
        int payload = 4;
        for (Operation op : ops) {
            payload += 1 + 4 + utf8(op.key()).length + 4 + ((Operation.Set) op).value().length;
        }
        ByteBuffer buf = ByteBuffer.allocate(HEADER + payload);
        buf.putInt(RECORD_MAGIC).putInt(payload).putInt(0).putInt(ops.size());
        for (Operation op : ops) {
            byte[] k = utf8(op.key());
            byte[] v = ((Operation.Set) op).value();
            buf.put(SET).putInt(k.length).put(k).putInt(v.length);
            slots.put(op.key(), new Slot(pos + buf.position(), v.length));
            buf.put(v);
        }
        CRC32C c = new CRC32C();
        c.update(buf.array(), HEADER, payload);
        buf.putInt(8, (int) c.getValue());
        buf.flip();
        while (buf.hasRemaining()) {
            pos += out.write(buf);
        }
        return pos;
    }

    /** Atomic rename; across file systems, a copy into the log's directory first, then the atomic rename. */
    private static void moveOver(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Path near = target.resolveSibling(target.getFileName() + ".compacting");
            Files.copy(tmp, near, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel fc = FileChannel.open(near, StandardOpenOption.WRITE)) {
                fc.force(true);
            }
            Files.move(near, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(tmp);
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("file_storage client for " + file + " is closed");
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (channel != null) {
                if (config.fsync()) {
                    channel.force(true);
                }
                channel.close();
            }
        } finally {
            try {
                lock.release();
            } catch (IOException e) {
                LOG.log(Level.FINE, "releasing lock", e);
            }
            lockChannel.close();
        }
    }

    Path file() {
        return file;
    }
}
