package io.ottl4j.repl;

/**
 * Lexical facts about a partly typed line that need no parser: whether brackets or quotes are still
 * open (then Enter continues on the next line), and which word the cursor is in (what Tab completes).
 * A word runs between delimiters; a {@code ["key"]} index belongs to the word it follows, so that
 * {@code attributes["ht} is one word.
 */
final class Words {
    private Words() {
    }

    /**
     * True while a bracket or a string literal is open; a stray closing bracket makes the input complete
     * (and an error). Commands are single lines, except those whose argument is OTTL.
     */
    static boolean incomplete(String text) {
        String t = text.stripLeading();
        if (t.startsWith(":") && !(t.startsWith(":explain") || t.startsWith(":time") || t.startsWith(":show"))) {
            return false;
        }
        Open open = open(text);
        return open.quote() || open.depth() > 0;
    }

    /** Whether the text ends inside a string literal: OTTL strings do not span lines, so that is a mistake. */
    static boolean quoteOpen(String text) {
        return open(text).quote();
    }

    /** What is open at the end of the text: brackets (0 once one closes too many) and a string literal. */
    private record Open(int depth, boolean quote) {
    }

    private static Open open(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> {
                    if (--depth < 0) {
                        return new Open(0, false);
                    }
                }
                default -> { }
            }
        }
        return new Open(depth, inString);
    }

    /** Where the word containing {@code cursor} starts. */
    static int wordStart(String line, int cursor) {
        int start = 0;
        boolean inString = false;
        for (int i = 0; i < cursor && i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
                if (i == start) {
                    continue; // a string literal is its own word
                }
                if (line.charAt(i - 1) != '[') {
                    start = i;
                }
            } else if (c == '[') {
                if (i == start) {
                    start = i + 1; // a list literal, not an index
                }
            } else if (isDelimiter(c, i == 0)) {
                start = i + 1;
            }
        }
        return start;
    }

    /** Where the word containing {@code cursor} ends. */
    static int wordEnd(String line, int cursor) {
        int i = cursor;
        while (i < line.length() && !isDelimiter(line.charAt(i), false) && line.charAt(i) != '"') {
            i++;
        }
        return i;
    }

    private static boolean isDelimiter(char c, boolean first) {
        if (c == ':') {
            return !first; // ":help" is a word; a map literal's colon is not
        }
        return Character.isWhitespace(c) || "(),{}=!<>+-*/".indexOf(c) >= 0;
    }
}
