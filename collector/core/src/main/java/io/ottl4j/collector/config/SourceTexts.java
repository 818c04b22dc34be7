package io.ottl4j.collector.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of every config source read, by source name, so that a position inside a YAML scalar (an OTTL
 * diagnostic in a folded multi-line statement) can be mapped back to the file's line and column.
 */
public final class SourceTexts {
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    private SourceTexts() {
    }

    static void put(String source, String text) {
        if (TEXTS.size() > 256) {
            TEXTS.clear();
        }
        TEXTS.put(source, text);
    }

    /**
     * Where character {@code offset} of a scalar's value lies in the file: the scalar starts at
     * {@code start}; YAML folding (line breaks and indentation turned into one space) and quotes are
     * skipped by aligning the value with the source text.
     */
    public static Location locate(Location start, String value, int offset) {
        String text = TEXTS.get(start.source());
        if (text == null || start.line() <= 0) {
            return new Location(start.source(), start.line(), start.column() + offset);
        }
        int p = 0;
        for (int line = 1; line < start.line() && p < text.length(); p++) {
            if (text.charAt(p) == '\n') {
                line++;
            }
        }
        p += Math.max(0, start.column() - 1);
        int i = 0;
        while (i < offset && p < text.length()) {
            char s = text.charAt(p);
            char v = i < value.length() ? value.charAt(i) : ' ';
            if (s == v) {
                i++;
                p++;
            } else if (Character.isWhitespace(s) || s == '\'' || s == '"' || s == '|' || s == '>' || s == '-') {
                p++;
            } else if (Character.isWhitespace(v)) {
                i++;
            } else {
                i++;
                p++;
            }
        }
        while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == ' ') && i < value.length()
                && value.charAt(i) != ' ' && value.charAt(i) != '\n') {
            p++;
        }
        int line = 1;
        int col = 1;
        for (int k = 0; k < p && k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Location(start.source(), line, col);
    }
}
