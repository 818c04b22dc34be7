package io.ottl4j.lsp.service;

import java.util.Arrays;

/** Converts between char offsets and 0-based (line, UTF-16 character) positions, as LSP counts them. */
public final class LineIndex {
    private final int[] starts;
    private final int length;

    public LineIndex(String text) {
        int[] s = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(s, n);
        this.length = text.length();
    }

    public int lineCount() {
        return starts.length;
    }

    public int lineStart(int line) {
        return starts[Math.max(0, Math.min(line, starts.length - 1))];
    }

    public int lineEnd(int line) {
        return line + 1 < starts.length ? starts[line + 1] - 1 : length;
    }

    public int line(int offset) {
        int i = Arrays.binarySearch(starts, Math.max(0, Math.min(offset, length)));
        return i >= 0 ? i : -i - 2;
    }

    public Pos position(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        int l = line(o);
        return new Pos(l, o - starts[l]);
    }

    public int offset(int line, int character) {
        if (line >= starts.length) {
            return length;
        }
        int l = Math.max(0, line);
        return Math.min(starts[l] + Math.max(0, character), lineEnd(l));
    }

    /** A 0-based position. */
    public record Pos(int line, int character) {
    }
}
