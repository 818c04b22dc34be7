package io.ottl4j.grammar.internal;

import io.ottl4j.grammar.SyntaxCode;

/**
 * Go's {@code strconv.UnquoteChar} with {@code "} as the quote, applied to the content of one string
 * literal: {@code \a \b \f \n \r \t \v \\ \"}, {@code \xHH}, {@code \\uHHHH}, {@code \UHHHHHHHH} and
 * three-digit octal; {@code \'} and anything else are errors. Like participle, byte escapes
 * ({@code \xe9}, {@code \351}) become the code point of that value.
 */
final class GoUnquoter {

    private final String content;
    private final int offset;
    private final SourceText source;
    private final DiagnosticSink sink;
    private final StringBuilder out;

    GoUnquoter(String content, int offset, SourceText source, DiagnosticSink sink) {
        this.content = content;
        this.offset = offset;
        this.source = source;
        this.sink = sink;
        this.out = new StringBuilder(content.length());
    }

    String unquote() {
        int i = 0;
        while (i < content.length()) {
            char c = content.charAt(i);
            if (c == '\\') {
                i = escape(i);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Decodes the escape starting at {@code i} (a backslash); returns the index after it. */
    private int escape(int i) {
        // the lexer guarantees a character after every backslash
        char e = content.charAt(i + 1);
        switch (e) {
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000b');
            case '\\' -> out.append('\\');
            case '"' -> out.append('"');
            case 'x' -> {
                return hex(i, 2);
            }
            case 'u' -> {
                return hex(i, 4);
            }
            case 'U' -> {
                return hex(i, 8);
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                return octal(i);
            }
            case '\'' -> fail(i, 2, "invalid escape \\' in string: a single quote needs no backslash inside double quotes",
                    "write ' on its own");
            default -> {
                String escaped = new String(Character.toChars(content.codePointAt(i + 1)));
                fail(i, 1 + escaped.length(), "invalid escape \\" + escaped + " in string: write \\\\" + escaped,
                        "a backslash that belongs to the value (as in a regular expression) is written \\\\");
                return i + 1 + escaped.length();
            }
        }
        return i + 2;
    }

    private int hex(int i, int digits) {
        int start = i + 2;
        int end = start;
        while (end < content.length() && end - start < digits && Character.digit(content.charAt(end), 16) >= 0) {
            end++;
        }
        String name = "\\" + content.charAt(i + 1);
        if (end - start < digits) {
            fail(i, end - i, "invalid escape " + content.substring(i, end) + " in string: " + name + " needs exactly "
                    + digits + " hex digits", null);
            return end;
        }
        int value = (int) Long.parseLong(content.substring(start, end), 16);
        if (digits > 2 && !isUnicodeScalar(value)) {
            fail(i, end - i, "invalid escape " + content.substring(i, end) + " in string: not a Unicode character",
                    null);
            return end;
        }
        out.appendCodePoint(value);
        return end;
    }

    private int octal(int i) {
        int end = i + 1;
        while (end < content.length() && end - (i + 1) < 3 && content.charAt(end) >= '0' && content.charAt(end) <= '7') {
            end++;
        }
        if (end - (i + 1) < 3) {
            fail(i, end - i, "invalid escape " + content.substring(i, end)
                    + " in string: an octal escape has exactly 3 digits", "for example \\000 or \\101");
            return end;
        }
        int value = Integer.parseInt(content.substring(i + 1, end), 8);
        if (value > 255) {
            fail(i, end - i, "invalid escape " + content.substring(i, end) + " in string: octal escapes go up to \\377",
                    null);
            return end;
        }
        out.appendCodePoint(value);
        return end;
    }

    private static boolean isUnicodeScalar(int value) {
        return value >= 0 && value <= Character.MAX_CODE_POINT && (value < 0xD800 || value > 0xDFFF);
    }

    private void fail(int at, int length, String message, String suggestion) {
        if (sink != null) {
            sink.error(SyntaxCode.INVALID_ESCAPE, message, source.span(offset + at, offset + at + length), suggestion);
        }
    }
}
