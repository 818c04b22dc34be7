package io.ottl4j.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/** JLine's view of a line: continue while brackets or quotes are open; one word for completion. */
final class OttlLineParser implements Parser {
    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && Words.incomplete(line)) {
            throw new EOFError(-1, -1, "open bracket or quote", "close it");
        }
        int start = Words.wordStart(line, cursor);
        int end = Math.max(cursor, Words.wordEnd(line, cursor));
        return new Line(line, cursor, line.substring(start, end), cursor - start);
    }

    @Override
    public boolean isEscapeChar(char ch) {
        return false;
    }

    private record Line(String line, int cursor, String word, int wordCursor) implements CompletingParsedLine {
        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }
    }
}
