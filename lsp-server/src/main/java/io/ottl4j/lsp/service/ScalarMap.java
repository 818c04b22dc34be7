package io.ottl4j.lsp.service;

import java.util.Arrays;

/**
 * Where each char of a YAML scalar's value is written in the document. The scalar's source text is
 * decoded again following the YAML rules of its style (plain and quoted flow scalars fold line breaks
 * and indentation into one space, quotes and escapes are undone, block scalars drop their indentation),
 * recording the source offset of every value char. When the decoding disagrees with the parser's value
 * (an exotic form), the value is aligned with the source greedily instead.
 */
public final class ScalarMap {
    private final String value;
    private final int[] offsets; // offsets[i] = document offset of value char i; offsets[value.length()] = end

    private ScalarMap(String value, int[] offsets) {
        this.value = value;
        this.offsets = offsets;
    }

    public String value() {
        return value;
    }

    /** The document offset of value char {@code i} (the end of the scalar for {@code i == length}). */
    public int toDocument(int i) {
        return offsets[Math.max(0, Math.min(i, offsets.length - 1))];
    }

    /** The document range of value chars {@code [from, to)}. */
    public int[] range(int from, int to) {
        int s = toDocument(from);
        int e = to <= from ? s : toDocument(to - 1) + 1;
        return new int[] {s, Math.max(s, e)};
    }

    /** The value index at a document offset (the next char when the offset falls between chars), or -1 outside. */
    public int toValue(int docOffset) {
        if (docOffset < offsets[0] || docOffset > offsets[offsets.length - 1]) {
            return -1;
        }
        for (int i = 0; i < offsets.length; i++) {
            if (offsets[i] >= docOffset) {
                return i;
            }
        }
        return value.length();
    }

    /** Text taken verbatim from {@code [from, to)} of the document (a {@code .ottl} statement). */
    public static ScalarMap slice(String doc, int from, int to) {
        int[] r = new int[to - from + 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return new ScalarMap(doc.substring(from, to), r);
    }

    public static ScalarMap of(String doc, YNode.Scalar s) {
        int[] decoded = switch (s.style()) {
            case PLAIN -> flow(doc, s.start(), s.end(), (char) 0, s.value());
            case SINGLE_QUOTED -> flow(doc, s.start() + 1, Math.max(s.start() + 1, s.end() - 1), '\'', s.value());
            case DOUBLE_QUOTED -> flow(doc, s.start() + 1, Math.max(s.start() + 1, s.end() - 1), '"', s.value());
            case LITERAL, FOLDED -> block(doc, s.start(), s.end(), s.style() == YNode.Style.FOLDED, s.value());
        };
        if (decoded == null) {
            decoded = align(doc, s.start(), s.end(), s.value());
        }
        return new ScalarMap(s.value(), decoded);
    }

    /** Builder of (value char, source offset) pairs. */
    private static final class Out {
        final StringBuilder sb = new StringBuilder();
        int[] at = new int[64];

        void add(char c, int offset) {
            if (sb.length() + 1 >= at.length) {
                at = Arrays.copyOf(at, at.length * 2);
            }
            at[sb.length()] = offset;
            sb.append(c);
        }

        void trimTrailingBlanks(int floor) {
            while (sb.length() > floor && (sb.charAt(sb.length() - 1) == ' ' || sb.charAt(sb.length() - 1) == '\t')) {
                sb.setLength(sb.length() - 1);
            }
        }

        int[] finish(String expected, int end) {
            if (!sb.toString().equals(expected)) {
                return null;
            }
            int[] r = Arrays.copyOf(at, sb.length() + 1);
            // the end is just after the last value char (before a closing quote or a chomped line break)
            r[sb.length()] = sb.length() > 0 ? at[sb.length() - 1] + 1 : end;
            return r;
        }
    }

    private static int[] flow(String doc, int from, int to, char quote, String expected) {
        Out out = new Out();
        int lineFloor = 0;
        int p = from;
        to = Math.min(to, doc.length());
        while (p < to) {
            char c = doc.charAt(p);
            if (c == '\r' || c == '\n') {
                out.trimTrailingBlanks(lineFloor);
                int breaks = 0;
                int q = p;
                while (q < to && (doc.charAt(q) == ' ' || doc.charAt(q) == '\t' || doc.charAt(q) == '\r' || doc.charAt(q) == '\n')) {
                    if (doc.charAt(q) == '\n') {
                        breaks++;
                    }
                    q++;
                }
                if (breaks <= 1) {
                    out.add(' ', p);
                } else {
                    for (int k = 1; k < breaks; k++) {
                        out.add('\n', p);
                    }
                }
                lineFloor = out.sb.length();
                p = q;
                continue;
            }
            if (quote == '\'' && c == '\'' && p + 1 < to && doc.charAt(p + 1) == '\'') {
                out.add('\'', p);
                p += 2;
                lineFloor = out.sb.length();
                continue;
            }
            if (quote == '"' && c == '\\' && p + 1 < to) {
                char n = doc.charAt(p + 1);
                if (n == '\n' || n == '\r') {
                    int q = p + 1;
                    while (q < to && (doc.charAt(q) == '\r' || doc.charAt(q) == '\n')) {
                        q++;
                    }
                    while (q < to && (doc.charAt(q) == ' ' || doc.charAt(q) == '\t')) {
                        q++;
                    }
                    p = q;
                    lineFloor = out.sb.length();
                    continue;
                }
                int hex = switch (n) {
                    case 'x' -> 2;
                    case 'u' -> 4;
                    case 'U' -> 8;
                    default -> 0;
                };
                if (hex > 0) {
                    try {
                        int cp = Integer.parseInt(doc.substring(p + 2, Math.min(to, p + 2 + hex)), 16);
                        for (char ch : Character.toChars(cp)) {
                            out.add(ch, p);
                        }
                    } catch (RuntimeException e) {
                        return null;
                    }
                    p += 2 + hex;
                } else {
                    char d = switch (n) {
                        case '0' -> '\0';
                        case 'a' -> '\u0007';
                        case 'b' -> '\b';
                        case 't', '\t' -> '\t';
                        case 'n' -> '\n';
                        case 'v' -> '\u000b';
                        case 'f' -> '\f';
                        case 'r' -> '\r';
                        case 'e' -> '\u001b';
                        case 'N' -> '\u0085';
                        case '_' -> '\u00a0';
                        case 'L' -> '\u2028';
                        case 'P' -> '\u2029';
                        default -> n; // \" \\ \/ and space
                    };
                    out.add(d, p);
                    p += 2;
                }
                lineFloor = out.sb.length();
                continue;
            }
            out.add(c, p);
            p++;
        }
        if (quote == 0) {
            out.trimTrailingBlanks(lineFloor);
        }
        return out.finish(expected, Math.min(to + (quote == 0 ? 0 : 1), doc.length()));
    }

    private static int[] block(String doc, int from, int to, boolean folded, String expected) {
        int p = doc.indexOf('\n', from);
        if (p < 0) {
            return null;
        }
        p++;
        to = Math.min(to, doc.length());
        // indentation: the first non-blank content line's
        int indent = -1;
        for (int q = p; q < to; ) {
            int eol = doc.indexOf('\n', q);
            eol = eol < 0 ? to : Math.min(eol, to);
            int sp = 0;
            while (q + sp < eol && doc.charAt(q + sp) == ' ') {
                sp++;
            }
            if (q + sp < eol && doc.charAt(q + sp) != '\r') {
                indent = sp;
                break;
            }
            q = eol + 1;
        }
        if (indent < 0) {
            return expected.isEmpty() ? new int[] {to} : null;
        }
        Out out = new Out();
        boolean prevNormal = false;
        int pendingBreaks = 0;
        int pendingAt = p;
        boolean first = true;
        while (p < to) {
            int eol = doc.indexOf('\n', p);
            eol = eol < 0 ? to : Math.min(eol, to);
            int lineEnd = eol > p && doc.charAt(eol - 1) == '\r' ? eol - 1 : eol;
            int contentStart = Math.min(p + indent, lineEnd);
            boolean blank = doc.substring(p, lineEnd).isBlank();
            if (!blank && p + indent > lineEnd) {
                break;
            }
            if (blank) {
                pendingBreaks++;
                if (pendingBreaks == 1) {
                    pendingAt = p - 1;
                }
            } else {
                boolean normal = doc.charAt(contentStart) != ' ' && doc.charAt(contentStart) != '\t';
                if (!first) {
                    // the break that ended the previous content line, plus blank lines
                    if (folded && prevNormal && normal) {
                        if (pendingBreaks == 0) {
                            out.add(' ', pendingAt);
                        } else {
                            for (int k = 0; k < pendingBreaks; k++) {
                                out.add('\n', pendingAt);
                            }
                        }
                    } else {
                        for (int k = 0; k <= pendingBreaks; k++) {
                            out.add('\n', pendingAt);
                        }
                    }
                } else {
                    for (int k = 0; k < pendingBreaks; k++) {
                        out.add('\n', pendingAt);
                    }
                }
                for (int i = contentStart; i < lineEnd; i++) {
                    out.add(doc.charAt(i), i);
                }
                first = false;
                prevNormal = normal;
                pendingBreaks = 0;
                pendingAt = lineEnd;
            }
            p = eol + 1;
        }
        // chomping: whatever trailing line breaks the parser kept
        String got = out.sb.toString();
        if (expected.startsWith(got) && expected.substring(got.length()).chars().allMatch(c -> c == '\n')) {
            for (int k = got.length(); k < expected.length(); k++) {
                out.add('\n', pendingAt);
            }
        }
        return out.finish(expected, Math.min(pendingAt + 1, doc.length()));
    }

    /** Greedy alignment: each value char at the next source char equal to it; whitespace where it stands. */
    private static int[] align(String doc, int from, int to, String value) {
        int[] r = new int[value.length() + 1];
        int p = from;
        to = Math.min(to, doc.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int q = p;
            while (q < to && doc.charAt(q) != c) {
                q++;
            }
            if (q < to) {
                p = q;
                r[i] = p++;
            } else {
                r[i] = Math.min(p, Math.max(from, to - 1));
            }
        }
        r[value.length()] = Math.max(p, Math.min(to, doc.length()));
        return r;
    }
}
