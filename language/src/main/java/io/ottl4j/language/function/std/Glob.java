package io.ottl4j.language.function.std;

import com.google.re2j.Pattern;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * Glob patterns as upstream's {@code replace_match}/{@code replace_all_matches} compile them (the
 * gobwas/glob library without separators, spec §7.1 and §10 #13), translated into an RE2/J regular
 * expression that must match the whole string: {@code *} and {@code **} match any run of characters
 * (including {@code /}), {@code ?} one character, {@code [abc]}/{@code [!abc]} a listed (or unlisted)
 * character, {@code [a-z]}/{@code [!a-z]} a range, {@code {a,b}} alternatives (nestable; an unclosed
 * {@code {} is closed at the end), and {@code \} escapes the next character (a trailing one is dropped).
 * Errors mirror the library's: an unclosed {@code [}, a range followed by more characters
 * ({@code [a-zA-Z]}), an empty class, a range whose high end is below its low end.
 */
public final class Glob {
    private final Pattern regex;

    private Glob(Pattern regex) {
        this.regex = regex;
    }

    /** Thrown for a pattern the glob library rejects. */
    public static final class GlobSyntaxException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        GlobSyntaxException(String message) {
            super(message);
        }
    }

    @TruffleBoundary
    public static Glob compile(String glob) throws GlobSyntaxException {
        return new Glob(Pattern.compile(toRegex(glob), Pattern.DOTALL));
    }

    /** Does the whole string match. */
    @TruffleBoundary
    public boolean matches(String s) {
        return regex.matcher(s).matches();
    }

    /** The equivalent RE2 expression (for tests and diagnostics). */
    public String regex() {
        return regex.pattern();
    }

    // ------------------------------------------------------------------ translation

    private static final String TEXT_BREAKERS = "?*[{";
    private static final String TERMS_BREAKERS = "?*[{},";

    static String toRegex(String glob) {
        Translator t = new Translator(glob);
        t.run();
        return t.out.toString();
    }

    /** A single pass that mirrors the library's lexer and parser. */
    private static final class Translator {
        private final int[] cps;
        private int pos;
        private int termsLevel;
        private final StringBuilder out = new StringBuilder();

        Translator(String glob) {
            this.cps = glob.codePoints().toArray();
        }

        void run() {
            while (pos < cps.length) {
                int c = cps[pos];
                if (c == '{') {
                    pos++;
                    termsLevel++;
                    out.append("(?:");
                } else if (c == ',' && termsLevel > 0) {
                    pos++;
                    out.append('|');
                } else if (c == '}' && termsLevel > 0) {
                    pos++;
                    termsLevel--;
                    out.append(')');
                } else if (c == '[') {
                    pos++;
                    range();
                } else if (c == '?') {
                    pos++;
                    out.append('.');
                } else if (c == '*') {
                    pos++;
                    if (pos < cps.length && cps[pos] == '*') {
                        pos++;
                    }
                    out.append(".*");
                } else {
                    String text = text(termsLevel > 0 ? TERMS_BREAKERS : TEXT_BREAKERS);
                    quote(out, text);
                }
            }
            // the library's parser accepts unclosed alternatives as if closed at the end
            for (; termsLevel > 0; termsLevel--) {
                out.append(')');
            }
        }

        /** Literal text up to a breaker; a backslash escapes the next character. */
        private String text(String breakers) {
            StringBuilder sb = new StringBuilder();
            boolean escaped = false;
            while (pos < cps.length) {
                int c = cps[pos];
                if (!escaped) {
                    if (c == '\\') {
                        escaped = true;
                        pos++;
                        continue;
                    }
                    if (breakers.indexOf(c) >= 0) {
                        break;
                    }
                }
                escaped = false;
                sb.appendCodePoint(c);
                pos++;
            }
            return sb.toString();
        }

        private void range() {
            boolean not = false;
            int lo = -1;
            int hi = -1;
            String chars = "";
            boolean seenNot = false;
            boolean wantHi = false;
            boolean wantClose = false;
            while (true) {
                if (pos >= cps.length) {
                    throw new GlobSyntaxException("unexpected end of input");
                }
                int c = cps[pos++];
                if (wantClose) {
                    if (c != ']') {
                        throw new GlobSyntaxException("expected close range character");
                    }
                    break;
                }
                if (wantHi) {
                    hi = c;
                    if (hi < lo) {
                        throw new GlobSyntaxException("hi character '" + new String(Character.toChars(hi))
                                + "' should be greater than lo '" + new String(Character.toChars(lo)) + "'");
                    }
                    wantClose = true;
                    continue;
                }
                if (!seenNot && c == '!') {
                    not = true;
                    seenNot = true;
                    continue;
                }
                if (pos < cps.length && cps[pos] == '-') {
                    pos++;
                    lo = c;
                    wantHi = true;
                    continue;
                }
                pos--;
                chars = text("]");
                wantClose = true;
            }
            boolean isRange = lo > 0 && hi > 0;
            boolean isChars = !chars.isEmpty();
            if (isRange == isChars) {
                throw new GlobSyntaxException("could not parse range");
            }
            out.append(not ? "[^" : "[");
            if (isRange) {
                classChar(out, lo);
                out.append('-');
                classChar(out, hi);
            } else {
                chars.codePoints().forEach(cp -> classChar(out, cp));
            }
            out.append(']');
        }
    }

    private static void quote(StringBuilder out, String text) {
        text.codePoints().forEach(cp -> {
            if ("\\.+*?()|[]{}^$".indexOf(cp) >= 0) {
                out.append('\\');
            }
            out.appendCodePoint(cp);
        });
    }

    private static void classChar(StringBuilder out, int cp) {
        if (cp == '\\' || cp == ']' || cp == '[' || cp == '-' || cp == '^') {
            out.append('\\');
        }
        out.appendCodePoint(cp);
    }
}
