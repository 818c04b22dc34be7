package io.ottl4j.pdata;

import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A mutable list of stored values (pdata {@code pcommon.Slice}). Elements are stored as given (no copy)
 * and are never null. Not thread-safe.
 */
public final class AttributeList implements Iterable<Object> {
    private static final Object[] NO_VALUES = {};

    private Object[] values;
    private int size;
    private int modCount;

    public AttributeList() {
        values = NO_VALUES;
    }

    public AttributeList(int initialCapacity) {
        values = initialCapacity == 0 ? NO_VALUES : new Object[initialCapacity];
    }

    /** A list of the given stored values (not copied). */
    public static AttributeList of(Object... values) {
        AttributeList l = new AttributeList(values.length);
        for (Object v : values) {
            l.add(v);
        }
        return l;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void ensureCapacity(int capacity) {
        if (capacity > values.length) {
            values = Arrays.copyOf(values, Math.max(capacity, values.length == 0 ? 4 : values.length * 2));
        }
    }

    public Object get(int i) {
        checkIndex(i);
        return values[i];
    }

    /** Replaces element {@code i}; returns the old one. */
    public Object set(int i, Object value) {
        checkIndex(i);
        Object old = values[i];
        values[i] = AnyValue.checkStored(value);
        return old;
    }

    public void add(Object value) {
        AnyValue.checkStored(value);
        if (size == values.length) {
            ensureCapacity(size + 1);
        }
        values[size++] = value;
        modCount++;
    }

    public void add(int i, Object value) {
        if (i < 0 || i > size) {
            throw new IndexOutOfBoundsException("index " + i + " out of bounds for size " + size);
        }
        AnyValue.checkStored(value);
        if (size == values.length) {
            ensureCapacity(size + 1);
        }
        System.arraycopy(values, i, values, i + 1, size - i);
        values[i] = value;
        size++;
        modCount++;
    }

    /** Appends a new empty map and returns it. */
    public AttributeMap addEmptyMap() {
        AttributeMap m = new AttributeMap();
        add(m);
        return m;
    }

    /** Appends a new empty list and returns it. */
    public AttributeList addEmptyList() {
        AttributeList l = new AttributeList();
        add(l);
        return l;
    }

    /** Removes element {@code i}, shifting later ones down; returns it. */
    public Object remove(int i) {
        checkIndex(i);
        Object old = values[i];
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        values[--size] = null;
        modCount++;
        return old;
    }

    public void clear() {
        if (size > 0) {
            Arrays.fill(values, 0, size, null);
            size = 0;
            modCount++;
        }
    }

    public AttributeList deepCopy() {
        AttributeList c = new AttributeList(size);
        for (int i = 0; i < size; i++) {
            c.values[i] = AnyValue.deepCopy(values[i]);
        }
        c.size = size;
        return c;
    }

    /** Replaces this list's content with a deep copy of {@code other}'s. */
    public void copyFrom(AttributeList other) {
        if (other == this) {
            return;
        }
        clear();
        ensureCapacity(other.size);
        for (int i = 0; i < other.size; i++) {
            values[i] = AnyValue.deepCopy(other.values[i]);
        }
        size = other.size;
        modCount++;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " out of bounds for size " + size);
        }
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private int next;
            private final int expectedMod = modCount;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Object next() {
                if (expectedMod != modCount) {
                    throw new ConcurrentModificationException();
                }
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return values[next++];
            }
        };
    }

    /** Element-wise {@link AnyValue#deepEquals}. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AttributeList other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!AnyValue.deepEquals(values[i], other.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) {
            h = 31 * h + AnyValue.deepHashCode(values[i]);
        }
        return h;
    }

    /** JSON, for reading; use {@link AnyValue#asString} for pdata's exact text. */
    @Override
    public String toString() {
        return AnyValue.toDebugJson(this);
    }
}
