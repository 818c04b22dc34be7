package io.ottl4j.language.function.std;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go {@code regexp} semantics on RE2/J, for functions that must behave like upstream's Go code:
 * {@link #replaceAll} (Go's {@code ReplaceAllString}: an empty match right after a previous match is not
 * replaced), {@link #findAll} (Go's {@code FindAllStringSubmatchIndex}), and {@link #expand} (Go's
 * {@code Regexp.Expand} template language: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}},
 * {@code $$}; unknown groups expand to nothing, a malformed reference keeps its {@code $}).
 * Offsets are Java string (UTF-16) indices; "one character" steps are whole code points, as Go steps runes.
 */
public final class GoRegex {
    private GoRegex() {
    }

    /** Compiles a Go (RE2) regular expression; the exception's message describes a syntax error. */
    @TruffleBoundary
    public static Pattern compile(String regex) throws PatternSyntaxException {
        RegexLimits.check(regex);
        return Pattern.compile(regex);
    }

    /** The error text for a pattern that does not compile, or null when it compiles. */
    @TruffleBoundary
    public static String syntaxError(String regex) {
        try {
            compile(regex);
            return null;
        } catch (PatternSyntaxException e) {
            return e.getMessage();
        }
    }

    /** Go's {@code MatchString}: is there a match anywhere in {@code s}. */
    @TruffleBoundary
    public static boolean find(Pattern p, String s) {
        return p.matcher(s).find();
    }

    /**
     * Go's {@code FindAllStringSubmatchIndex(s, -1)}: each match as {@code [start0, end0, start1, end1, ...]}
     * with -1 for groups that did not participate.
     */
    @TruffleBoundary
    public static int[][] findAll(Pattern p, String s) {
        List<int[]> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        int groups = m.groupCount();
        int pos = 0;
        int prevEnd = -1;
        while (pos <= s.length() && m.find(pos)) {
            int start = m.start();
            int end = m.end();
            boolean accept = true;
            if (end == pos) {
                // an empty match right after the previous match is ignored, as in Go
                if (start == prevEnd) {
                    accept = false;
                }
                pos = pos < s.length() ? pos + Character.charCount(s.codePointAt(pos)) : s.length() + 1;
            } else {
                pos = end;
            }
            prevEnd = end;
            if (accept) {
                int[] idx = new int[2 * (groups + 1)];
                for (int g = 0; g <= groups; g++) {
                    idx[2 * g] = m.start(g);
                    idx[2 * g + 1] = m.end(g);
                }
                out.add(idx);
            }
        }
        return out.toArray(new int[0][]);
    }

    /** Go's {@code ReplaceAllString(src, template)}: every match replaced by the expanded template. */
    @TruffleBoundary
    public static String replaceAll(Pattern p, String src, String template) {
        Matcher m = p.matcher(src);
        int groups = m.groupCount();
        Map<String, Integer> names = p.namedGroups();
        StringBuilder dst = new StringBuilder();
        int lastMatchEnd = 0;
        int searchPos = 0;
        while (searchPos <= src.length() && m.find(searchPos)) {
            int start = m.start();
            int end = m.end();
            dst.append(src, lastMatchEnd, start);
            // no replacement for an empty match immediately after another match
            if (end > lastMatchEnd || start == 0) {
                int[] idx = new int[2 * (groups + 1)];
                for (int g = 0; g <= groups; g++) {
                    idx[2 * g] = m.start(g);
                    idx[2 * g + 1] = m.end(g);
                }
                expandInto(dst, template, src, idx, names);
            }
            lastMatchEnd = end;
            int width = searchPos < src.length() ? Character.charCount(src.codePointAt(searchPos)) : 0;
            if (searchPos + width > end) {
                searchPos += width;
            } else if (searchPos + 1 > end) {
                searchPos++;
            } else {
                searchPos = end;
            }
        }
        dst.append(src, lastMatchEnd, src.length());
        return dst.toString();
    }

    /** Go's {@code Regexp.ExpandString(nil, template, src, match)} for one match from {@link #findAll}. */
    @TruffleBoundary
    public static String expand(Pattern p, String template, String src, int[] match) {
        StringBuilder sb = new StringBuilder();
        expandInto(sb, template, src, match, p.namedGroups());
        return sb.toString();
    }

    private static void expandInto(StringBuilder dst, String template, String src, int[] match, Map<String, Integer> names) {
        int i = 0;
        int n = template.length();
        while (i < n) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0) {
                break;
            }
            dst.append(template, i, dollar);
            i = dollar + 1;
            if (i < n && template.charAt(i) == '$') {
                dst.append('$');
                i++;
                continue;
            }
            int[] ref = reference(template, i);
            if (ref == null) {
                // malformed reference: the $ is literal text
                dst.append('$');
                continue;
            }
            String name = template.substring(ref[0], ref[1]);
            i = ref[2];
            int num = groupNumber(name);
            int group = num >= 0 ? num : names.getOrDefault(name, -1);
            if (group >= 0 && 2 * group + 1 < match.length && match[2 * group] >= 0) {
                dst.append(src, match[2 * group], match[2 * group + 1]);
            }
        }
        dst.append(template, i, n);
    }

    /** Parses a reference after a {@code $}: {name start, name end, rest start}, or null when malformed. */
    private static int[] reference(String t, int from) {
        int i = from;
        boolean brace = i < t.length() && t.charAt(i) == '{';
        if (brace) {
            i++;
        }
        int nameStart = i;
        while (i < t.length()) {
            int cp = t.codePointAt(i);
            if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == nameStart) {
            return null;
        }
        int nameEnd = i;
        if (brace) {
            if (i >= t.length() || t.charAt(i) != '}') {
                return null;
            }
            i++;
        }
        return new int[] {nameStart, nameEnd, i};
    }

    /** A group number as Go reads it: ASCII digits without a leading zero, below 1e8; else -1 (a name). */
    private static int groupNumber(String name) {
        int num = 0;
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (c < '0' || c > '9' || num >= 100_000_000) {
                return -1;
            }
            num = num * 10 + (c - '0');
        }
        if (name.charAt(0) == '0' && name.length() > 1) {
            return -1;
        }
        return num;
    }

    /**
     * Go's {@code strings.ReplaceAll(s, old, replacement)}: an empty {@code old} inserts the replacement
     * before every code point and at the end.
     */
    @TruffleBoundary
    public static String stringsReplaceAll(String s, String old, String replacement) {
        if (!old.isEmpty()) {
            return s.replace(old, replacement);
        }
        StringBuilder sb = new StringBuilder(s.length() * (replacement.length() + 1) + replacement.length());
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            sb.append(replacement);
            sb.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        sb.append(replacement);
        return sb.toString();
    }
}
