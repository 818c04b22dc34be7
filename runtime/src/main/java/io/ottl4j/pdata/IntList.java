package io.ottl4j.pdata;

import java.util.Arrays;

/** A growable list of {@code int}s (pdata's {@code pcommon.Int32Slice}): profile index lists without boxing. */
public final class IntList {
    private int[] values;
    private int size;

    public IntList() {
        this.values = new int[0];
    }

    public static IntList of(int... values) {
        IntList l = new IntList();
        l.values = values.clone();
        l.size = values.length;
        return l;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + ", size " + size);
        }
        return values[i];
    }

    public void set(int i, int v) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + ", size " + size);
        }
        values[i] = v;
    }

    public void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(4, size * 2));
        }
        values[size++] = v;
    }

    public void clear() {
        size = 0;
    }

    /** Replaces the content with {@code v}. */
    public void setAll(int[] v) {
        values = v.clone();
        size = v.length;
    }

    public int[] toArray() {
        return Arrays.copyOf(values, size);
    }

    public IntList copy() {
        return of(toArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntList l && Arrays.equals(toArray(), l.toArray());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toArray());
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}
