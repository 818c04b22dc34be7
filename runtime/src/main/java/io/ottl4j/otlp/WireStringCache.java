package io.ottl4j.otlp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Direct-mapped caches between short strings and their UTF-8 bytes, shared by all threads: the decoders read a
 * string's bytes and get back one shared {@code String} per distinct value, the encoders get back one shared
 * {@code byte[]} per distinct {@code String}. Telemetry repeats itself — the same few dozen attribute keys in
 * every request, and values such as {@code GET}, a route, a host name or a span name in most of them — so
 * sharing saves an allocation per field when reading and writing, and the garbage collector's copying of it
 * while a batch waits in the pipeline (measured: the small profile's young collections copy batches several
 * times a second, docs/performance.md "Footprint").
 *
 * <p>Entries are immutable records published racily (final fields make that safe); a lost race only costs a
 * miss. With {@code admitOnSecondSight} a string is cached only when the same slot saw the same hash just
 * before, so that a stream of unique values (ids, timestamps as text) costs one int write each instead of
 * evicting the repeated values and allocating entries that are never hit. Such a cache also watches its hit
 * rate: below one in eight over {@value #WINDOW} lookups it looks up only one string in {@value #SKIP_FACTOR}
 * until the rate recovers, since hashing every string of high-cardinality telemetry cost more than the
 * allocations it saved (measured: {@code TraceCodecBenchmark}, all-unique values, 1.4 → 3.1 µs per span
 * without this). The counters are plain fields shared racily: a lost update only shifts the estimate.
 */
final class WireStringCache {
    private record Entry(byte[] bytes, String string) {
    }

    private final Entry[] entries;
    private final int[] seen;
    private final int mask;
    private final int maxLength;

    static final int WINDOW = 1024;
    static final int SKIP_FACTOR = 16;
    private int lookups;
    private int hits;
    /** The last window's hit rate was below one in eight: only every {@value #SKIP_FACTOR}th string is looked up. */
    private boolean low;
    private int skip;

    /** {@code size} a power of two; strings longer than {@code maxLength} bytes (or chars) are not cached. */
    WireStringCache(int size, int maxLength, boolean admitOnSecondSight) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two: " + size);
        }
        this.entries = new Entry[size];
        this.seen = admitOnSecondSight ? new int[size] : null;
        this.mask = size - 1;
        this.maxLength = maxLength;
    }

    /** Whether to look {@code length} bytes up: in range, and not passed by while the hit rate is low. */
    boolean cacheable(int length) {
        return length > 0 && length <= maxLength && !skipping();
    }

    private boolean skipping() {
        if (!low) {
            return false;
        }
        if (skip > 0) {
            skip--;
            return true;
        }
        skip = SKIP_FACTOR - 1;
        return false;
    }

    /** Counts a lookup; each window of {@value #WINDOW} lookups decides whether the next one samples. */
    private void counted(boolean hit) {
        if (seen == null) { // keys: always looked up
            return;
        }
        if (hit) {
            hits++;
        }
        if (++lookups >= WINDOW) {
            low = hits * 8 < lookups;
            lookups = 0;
            hits = 0;
        }
    }

    /** Whether lookups are being sampled (tests). */
    boolean sampling() {
        return low;
    }

    /**
     * The hash {@link #string} and {@link #put} take for {@code b[off, off + n)}: eight bytes at a time (the last
     * word overlapping the one before when {@code n} is not a multiple of eight), multiplied into a 64-bit state
     * and folded. Any well-mixed hash will do, since lookups compare the bytes; this one is ~2× quicker than a
     * byte-at-a-time {@code 31 * h + b} loop under C1 and C2 alike (measured on 3-33-byte strings), and that loop
     * was ~15 % of a receiving thread's samples in the small profile.
     */
    static int hash(byte[] b, int off, int n) {
        long h = n * MIX;
        int end = off + n;
        if (n >= 8) {
            int i = off;
            for (; i + 8 <= end; i += 8) {
                h = (h ^ (long) LONGS.get(b, i)) * MIX;
            }
            if (i < end) {
                h = (h ^ (long) LONGS.get(b, end - 8)) * MIX;
            }
        } else if (n >= 4) {
            h = (h ^ ((int) INTS.get(b, off) & 0xFFFFFFFFL) ^ ((long) (int) INTS.get(b, end - 4) << 32)) * MIX;
        } else {
            for (int i = off; i < end; i++) {
                h = (h ^ (b[i] & 0xFF)) * MIX;
            }
        }
        return (int) (h ^ (h >>> 32));
    }

    private static final long MIX = 0x9E3779B97F4A7C15L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** The cached string of {@code b[off, off + n)}, or null. */
    String string(byte[] b, int off, int n, int hash) {
        Entry e = entries[slot(hash)];
        if (e != null && Arrays.equals(e.bytes, 0, e.bytes.length, b, off, off + n)) {
            counted(true);
            return e.string;
        }
        counted(false);
        return null;
    }

    /** Offers {@code s}, decoded from {@code b[off, off + n)}, to the cache. */
    void put(byte[] b, int off, int n, int hash, String s) {
        int slot = slot(hash);
        if (admit(slot, hash)) {
            entries[slot] = new Entry(Arrays.copyOfRange(b, off, off + n), s);
        }
    }

    /**
     * The UTF-8 bytes of {@code s} (not to be modified), shared when cached. Lone surrogates become '?', as
     * {@code String.getBytes} does.
     */
    byte[] bytes(String s) {
        if (s.length() > maxLength || skipping()) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        int h = s.hashCode();
        int slot = slot(h);
        Entry e = entries[slot];
        if (e != null && (e.string == s || e.string.equals(s))) {
            counted(true);
            return e.bytes;
        }
        counted(false);
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (admit(slot, h)) {
            entries[slot] = new Entry(b, s);
        }
        return b;
    }

    private int slot(int h) {
        return (h ^ (h >>> 16)) & mask;
    }

    private boolean admit(int slot, int hash) {
        if (seen == null) {
            return true;
        }
        if (seen[slot] == hash) {
            return true;
        }
        seen[slot] = hash;
        return false;
    }
}
