package io.ottl4j.pdata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * A mutable, insertion-ordered string-keyed map of stored values (pdata {@code pcommon.Map}).
 *
 * <p>Telemetry maps are small (typically under 32 keys) and read by literal keys, so the layout is three
 * parallel arrays scanned linearly: the cached {@code String.hashCode} is compared before
 * {@code equals}, which rejects almost every non-matching key with one int comparison and keeps the scan
 * inside one or two cache lines. Beyond {@value #INDEX_THRESHOLD} keys an open-addressing index of
 * positions is kept as well (measured: a lookup costs about the same at 32 keys, 2× less at 64, 8× less
 * at 512), which also keeps decoding a hostile payload with a huge attribute list linear, not quadratic. Order matters: OTTL functions such as {@code limit} and the JSON output
 * observe it. Replacing a value keeps the key's position; removing shifts later keys down.
 *
 * <p>Values are stored as given (no copy): put a {@link #deepCopy()} when the source stays in use.
 * Not thread-safe.
 */
public final class AttributeMap implements Iterable<Map.Entry<String, Object>> {
    private static final String[] NO_KEYS = {};
    private static final int[] NO_HASHES = {};
    private static final Object[] NO_VALUES = {};

    /** Above this many keys lookups go through {@link #index}. */
    static final int INDEX_THRESHOLD = 32;

    private String[] keys;
    private int[] hashes;
    private Object[] values;
    private int size;
    private int modCount;
    /**
     * Open addressing over positions + 1 (0 = free slot), kept only while the map is large; dropped by
     * removals (positions shift) and rebuilt on the next lookup.
     */
    private int[] index;

    public AttributeMap() {
        keys = NO_KEYS;
        hashes = NO_HASHES;
        values = NO_VALUES;
    }

    public AttributeMap(int initialCapacity) {
        this();
        ensureCapacity(initialCapacity);
    }

    /** A map of alternating keys and values, e.g. {@code AttributeMap.of("a", "x", "b", 1L)}; values must be stored kinds. */
    public static AttributeMap of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected key/value pairs");
        }
        AttributeMap m = new AttributeMap(keysAndValues.length / 2);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void ensureCapacity(int capacity) {
        if (capacity > keys.length) {
            int n = Math.max(capacity, keys.length == 0 ? 4 : keys.length * 2);
            keys = Arrays.copyOf(keys, n);
            hashes = Arrays.copyOf(hashes, n);
            values = Arrays.copyOf(values, n);
        }
    }

    /** Maps up to this size are searched linearly; {@link #keyArray()} and friends serve that scan in compiled code. */
    public static final int LINEAR_SCAN_LIMIT = INDEX_THRESHOLD;

    /**
     * The backing arrays, for compiled code that inlines the linear scan of small maps (the OTTL engine's
     * {@code attributes["k"]}). Valid up to {@link #size()}; read-only, except that the value at an existing
     * position may be replaced with another stored value.
     */
    public String[] keyArray() {
        return keys;
    }

    /** Cached {@code String.hashCode()} of each key; see {@link #keyArray()}. */
    public int[] hashArray() {
        return hashes;
    }

    /** See {@link #keyArray()}. */
    public Object[] valueArray() {
        return values;
    }

    /** The position of {@code key}, or -1. */
    public int indexOf(String key) {
        int h = key.hashCode();
        if (size > INDEX_THRESHOLD) {
            return indexedLookup(key, h);
        }
        String[] ks = keys;
        int[] hs = hashes;
        for (int i = 0, n = size; i < n; i++) {
            if (hs[i] == h) {
                String k = ks[i];
                if (k == key || k.equals(key)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private int indexedLookup(String key, int h) {
        int[] table = index;
        if (table == null) {
            table = buildIndex();
        }
        int mask = table.length - 1;
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            int e = table[slot];
            if (e == 0) {
                return -1;
            }
            int i = e - 1;
            if (hashes[i] == h && keys[i].equals(key)) {
                return i;
            }
        }
    }

    private int[] buildIndex() {
        int[] table = new int[Integer.highestOneBit(Math.max(size, 8) * 4)]; // load factor <= 0.5
        int mask = table.length - 1;
        for (int i = 0; i < size; i++) {
            insertIntoIndex(table, mask, i);
        }
        index = table;
        return table;
    }

    private void insertIntoIndex(int[] table, int mask, int i) {
        int slot = spread(hashes[i]) & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = i + 1;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** The stored value, or null when the key is absent (a present key never maps to null). */
    public Object get(String key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    public boolean containsKey(String key) {
        return indexOf(key) >= 0;
    }

    /** Inserts at the end, or replaces in place keeping the key's position. */
    public void put(String key, Object value) {
        AnyValue.checkStored(value);
        int i = indexOf(key);
        if (i >= 0) {
            values[i] = value;
        } else {
            append(key, value);
        }
    }

    /**
     * Inserts only when the key is absent; returns the existing value, or null if inserted. Decoders use it
     * so that, as in pdata (whose {@code Get} finds the first match), the first of duplicate keys wins.
     */
    public Object putIfAbsent(String key, Object value) {
        AnyValue.checkStored(value);
        int i = indexOf(key);
        if (i >= 0) {
            return values[i];
        }
        append(key, value);
        return null;
    }

    private void append(String key, Object value) {
        if (size == keys.length) {
            ensureCapacity(size + 1);
        }
        keys[size] = key;
        hashes[size] = key.hashCode();
        values[size] = value;
        size++;
        modCount++;
        int[] table = index;
        if (table != null) {
            if (size * 2 > table.length) {
                index = null; // rebuilt larger on the next lookup
            } else {
                insertIntoIndex(table, table.length - 1, size - 1);
            }
        }
    }

    public void putString(String key, String value) {
        put(key, value);
    }

    public void putLong(String key, long value) {
        put(key, value);
    }

    public void putDouble(String key, double value) {
        put(key, value);
    }

    public void putBool(String key, boolean value) {
        put(key, value);
    }

    /** Stores {@code value} itself (not a copy); do not modify the array afterwards. */
    public void putBytes(String key, byte[] value) {
        put(key, value);
    }

    public void putEmpty(String key) {
        put(key, AnyValue.EMPTY);
    }

    /** Puts a new empty map under {@code key} (replacing any value) and returns it. */
    public AttributeMap putEmptyMap(String key) {
        AttributeMap m = new AttributeMap();
        put(key, m);
        return m;
    }

    /** Puts a new empty list under {@code key} (replacing any value) and returns it. */
    public AttributeList putEmptyList(String key) {
        AttributeList l = new AttributeList();
        put(key, l);
        return l;
    }

    /** Removes the key; returns its value, or null if absent. */
    public Object remove(String key) {
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        Object old = values[i];
        removeAt(i);
        return old;
    }

    /** Removes the entry at position {@code i}, shifting later entries down. */
    public void removeAt(int i) {
        checkIndex(i);
        int tail = size - i - 1;
        if (tail > 0) {
            System.arraycopy(keys, i + 1, keys, i, tail);
            System.arraycopy(hashes, i + 1, hashes, i, tail);
            System.arraycopy(values, i + 1, values, i, tail);
        }
        size--;
        keys[size] = null;
        values[size] = null;
        modCount++;
        index = null;
    }

    public String keyAt(int i) {
        checkIndex(i);
        return keys[i];
    }

    public Object valueAt(int i) {
        checkIndex(i);
        return values[i];
    }

    public void setValueAt(int i, Object value) {
        checkIndex(i);
        values[i] = AnyValue.checkStored(value);
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " out of bounds for size " + size);
        }
    }

    /** Removes every entry the predicate accepts, keeping the order of the rest; one pass. */
    public void removeIf(BiPredicate<String, Object> predicate) {
        int w = 0;
        for (int r = 0; r < size; r++) {
            if (!predicate.test(keys[r], values[r])) {
                if (w != r) {
                    keys[w] = keys[r];
                    hashes[w] = hashes[r];
                    values[w] = values[r];
                }
                w++;
            }
        }
        if (w != size) {
            Arrays.fill(keys, w, size, null);
            Arrays.fill(values, w, size, null);
            size = w;
            modCount++;
            index = null;
        }
    }

    public void clear() {
        if (size > 0) {
            Arrays.fill(keys, 0, size, null);
            Arrays.fill(values, 0, size, null);
            size = 0;
            modCount++;
            index = null;
        }
    }

    public AttributeMap deepCopy() {
        AttributeMap c = new AttributeMap();
        c.copyContent(this);
        return c;
    }

    /** Replaces this map's content with a deep copy of {@code other}'s. */
    public void copyFrom(AttributeMap other) {
        if (other == this) {
            return;
        }
        clear();
        copyContent(other);
    }

    private void copyContent(AttributeMap other) {
        int n = other.size;
        if (n == 0) {
            return;
        }
        ensureCapacity(n);
        System.arraycopy(other.keys, 0, keys, 0, n);
        System.arraycopy(other.hashes, 0, hashes, 0, n);
        for (int i = 0; i < n; i++) {
            values[i] = AnyValue.deepCopy(other.values[i]);
        }
        size = n;
        modCount++;
        index = null;
    }

    public void forEach(BiConsumer<String, Object> action) {
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    /** The keys in order (a new list). */
    public List<String> keys() {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(keys[i]);
        }
        return out;
    }

    /**
     * Entries in order. {@code Entry.setValue} writes through; {@code Iterator.remove} is supported; any
     * other structural change while iterating raises {@link ConcurrentModificationException}.
     */
    @Override
    public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
            private int next;
            private int last = -1;
            private int expectedMod = modCount;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Map.Entry<String, Object> next() {
                if (expectedMod != modCount) {
                    throw new ConcurrentModificationException();
                }
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                last = next++;
                return new Entry(last);
            }

            @Override
            public void remove() {
                if (last < 0) {
                    throw new IllegalStateException();
                }
                if (expectedMod != modCount) {
                    throw new ConcurrentModificationException();
                }
                removeAt(last);
                next = last;
                last = -1;
                expectedMod = modCount;
            }
        };
    }

    private final class Entry implements Map.Entry<String, Object> {
        private final int index;
        private final String key;

        Entry(int index) {
            this.index = index;
            this.key = keys[index];
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public Object getValue() {
            return values[index];
        }

        @Override
        public Object setValue(Object value) {
            Object old = values[index];
            setValueAt(index, value);
            return old;
        }

        @Override
        public String toString() {
            return key + "=" + AnyValue.toDebugJson(values[index]);
        }
    }

    /** Same keys mapping to {@link AnyValue#deepEquals deep-equal} values, in any order (pdata {@code Map.Equal}). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AttributeMap other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            // Same order is the common case: try position i before scanning.
            int j = other.hashes[i] == hashes[i] && other.keys[i].equals(keys[i]) ? i : other.indexOf(keys[i]);
            if (j < 0 || !AnyValue.deepEquals(values[i], other.values[j])) {
                return false;
            }
        }
        return true;
    }

    /** Order-independent, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < size; i++) {
            h += hashes[i] ^ AnyValue.deepHashCode(values[i]);
        }
        return h;
    }

    /** JSON in insertion order, for reading; use {@link AnyValue#asString} for pdata's exact text. */
    @Override
    public String toString() {
        return AnyValue.toDebugJson(this);
    }
}
