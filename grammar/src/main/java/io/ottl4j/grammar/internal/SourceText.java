package io.ottl4j.grammar.internal;

import io.ottl4j.grammar.ast.SourceSpan;
import java.util.Arrays;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * The text being parsed, with what is needed to turn ANTLR positions (code point indexes) into
 * {@link SourceSpan}s (char offsets, 1-based lines and columns).
 */
public final class SourceText {

    private final String text;
    private final int[] lineStarts;
    /** code point index → char offset; null when the text has no supplementary characters. */
    private final int[] charOffsets;

    public SourceText(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
        this.charOffsets = text.length() == text.codePointCount(0, text.length()) ? null : charOffsets(text);
    }

    public String text() {
        return text;
    }

    /** The char offset of a code point index (ANTLR's char stream counts code points). */
    public int charOffset(int codePointIndex) {
        return charOffsets == null ? codePointIndex : charOffsets[codePointIndex];
    }

    public SourceSpan span(int startChar, int endChar) {
        int startLine = lineOf(startChar);
        int endLine = lineOf(endChar);
        return new SourceSpan(startChar, endChar,
                startLine + 1, startChar - lineStarts[startLine] + 1,
                endLine + 1, endChar - lineStarts[endLine] + 1);
    }

    /** From the first char of {@code first} to just after the last char of {@code last}. */
    public SourceSpan span(Token first, Token last) {
        int start = charOffset(first.getStartIndex());
        int end = last.getType() == Token.EOF ? start : charOffset(last.getStopIndex() + 1);
        return span(start, Math.max(start, end));
    }

    public SourceSpan span(Token token) {
        return span(token, token);
    }

    public SourceSpan span(ParserRuleContext ctx) {
        Token stop = ctx.getStop();
        if (stop == null || stop.getTokenIndex() < ctx.getStart().getTokenIndex()) {
            return span(ctx.getStart(), ctx.getStart());
        }
        return span(ctx.getStart(), stop);
    }

    /** Zero-based line index containing the char offset. */
    private int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }

    private static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }

    private static int[] charOffsets(String text) {
        int[] offsets = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            offsets[cp++] = i;
        }
        offsets[cp] = text.length();
        return offsets;
    }
}
