package io.ottl4j.grammar.ast;

/**
 * A region of the source text: {@code [start, end)} as 0-based char (UTF-16) offsets, and the 1-based
 * line and column of its first char and of the position just after its last char. Columns count chars
 * from 1; lines are separated by {@code \n}.
 */
public record SourceSpan(int start, int end, int line, int column, int endLine, int endColumn) {

    public SourceSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets [" + start + ", " + end + ")");
        }
        if (line < 1 || column < 1 || endLine < line || endColumn < 1) {
            throw new IllegalArgumentException("bad positions " + line + ":" + column + "-" + endLine + ":" + endColumn);
        }
    }

    /** The span of {@code text.substring(start, end)}, with lines and columns computed from {@code text}. */
    public static SourceSpan of(String text, int start, int end) {
        int line = 1;
        int lineStart = 0;
        int startLine = 1;
        int startColumn = 1;
        for (int i = 0; i < end; i++) {
            if (i == start) {
                startLine = line;
                startColumn = i - lineStart + 1;
            }
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        if (start == end) {
            startLine = line;
            startColumn = end - lineStart + 1;
        }
        return new SourceSpan(start, end, startLine, startColumn, line, end - lineStart + 1);
    }

    /** The smallest span that covers both {@code first} and {@code last} (which must not start before it). */
    public static SourceSpan covering(SourceSpan first, SourceSpan last) {
        return new SourceSpan(first.start, last.end, first.line, first.column, last.endLine, last.endColumn);
    }

    /** Number of chars covered. */
    public int length() {
        return end - start;
    }

    @Override
    public String toString() {
        return line + ":" + column + "-" + endLine + ":" + endColumn;
    }
}
